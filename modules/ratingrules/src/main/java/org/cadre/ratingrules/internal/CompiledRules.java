package org.cadre.ratingrules.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.cadre.ratingrules.engine.CompiledPackCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The compiled pack cache in {@code ratingrules.compiled_rules}. Reads and writes run in their own transaction, so a
 * failure here never spoils the caller's (an activation compiles before its transaction, an upload's validation may
 * run inside one). A row whose bytes no longer match their digest is a miss; rows of builds the running Drools or
 * facts no longer match are deleted when the same pack is stored again.
 */
@Component
class CompiledRules implements CompiledPackCache {

    private static final Logger log = LoggerFactory.getLogger(CompiledRules.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    CompiledRules(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Optional<byte[]> find(Key key) {
        Optional<Row> row = ownTransaction.execute(status -> jdbc.sql("""
                        SELECT module, module_sha256 FROM ratingrules.compiled_rules
                        WHERE checksum = ? AND drools_version = ? AND cache_format = ? AND runtime = ?""")
                .params(key.checksum(), key.droolsVersion(), key.format(), key.runtime())
                .query((rs, n) -> new Row(rs.getBytes(1), rs.getString(2))).optional());
        if (row == null || row.isEmpty()) {
            return Optional.empty();
        }
        if (!sha256(row.get().module()).equals(row.get().digest())) {
            log.warn("A compiled rule pack in the cache does not match its digest (checksum {}): it is compiled again",
                    key.checksum().substring(0, 12));
            return Optional.empty();
        }
        return Optional.of(row.get().module());
    }

    @Override
    public void store(Key key, String packId, int version, byte[] module) {
        try {
            ownTransaction.executeWithoutResult(status -> {
                jdbc.sql("""
                                INSERT INTO ratingrules.compiled_rules (checksum, drools_version, cache_format, runtime,
                                    pack_id, version, module, module_sha256)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                                ON CONFLICT (checksum, drools_version, cache_format, runtime) DO UPDATE
                                SET module = excluded.module, module_sha256 = excluded.module_sha256,
                                    pack_id = excluded.pack_id, version = excluded.version, created_at = now()""")
                        .params(key.checksum(), key.droolsVersion(), key.format(), key.runtime(), packId, version,
                                module, sha256(module))
                        .update();
                // builds of the same files for another Drools, format or runtime are of no use any more
                jdbc.sql("""
                                DELETE FROM ratingrules.compiled_rules WHERE checksum = ?
                                AND (drools_version, cache_format, runtime) <> (?, ?, ?)""")
                        .params(key.checksum(), key.droolsVersion(), key.format(), key.runtime()).update();
            });
        } catch (RuntimeException e) {
            log.warn("Compiled rule pack {} version {} was not cached: {}", packId, version, e.getMessage());
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Row(byte[] module, String digest) {
    }
}
