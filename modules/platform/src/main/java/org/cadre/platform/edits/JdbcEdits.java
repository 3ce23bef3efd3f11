package org.cadre.platform.edits;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cadre.platform.EditVersion;
import org.cadre.platform.Edits;
import org.cadre.platform.PlatformRefusal;
import org.cadre.platform.Refused;
import org.cadre.platform.Translatable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The edit versions in {@code edits.edit_version}. A claim is one conditional statement: the row lock it takes makes
 * a concurrent claim of the same record wait for this transaction and then find the version moved on, so of two
 * saves of the same loaded version exactly one wins.
 */
@Component
class JdbcEdits implements Edits {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcEdits(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public EditVersion current(String record) {
        return new EditVersion(jdbc.sql("SELECT version FROM edits.edit_version WHERE record = :record")
                .param("record", record).query(Long.class).optional().orElse(0L));
    }

    @Override
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<String, EditVersion> current(Collection<String> records) {
        Map<String, EditVersion> versions = new HashMap<>();
        records.forEach(record -> versions.put(record, new EditVersion(0)));
        if (!records.isEmpty()) {
            jdbc.sql("SELECT record, version FROM edits.edit_version WHERE record IN (:records)")
                    .param("records", List.copyOf(records))
                    .query((rs, row) -> versions.put(rs.getString("record"), new EditVersion(rs.getLong("version"))))
                    .list();
        }
        return versions;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public EditVersion claim(String record, EditVersion loaded) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<Long> claimed;
        if (loaded == null) {
            claimed = jdbc.sql("""
                    INSERT INTO edits.edit_version AS v (record, version, changed_at) VALUES (:record, 1, :now)
                    ON CONFLICT (record) DO UPDATE SET version = v.version + 1, changed_at = :now
                    RETURNING version""").param("record", record).param("now", now).query(Long.class).optional();
        } else if (loaded.value() == 0) {
            claimed = jdbc.sql("""
                    INSERT INTO edits.edit_version (record, version, changed_at) VALUES (:record, 1, :now)
                    ON CONFLICT (record) DO NOTHING
                    RETURNING version""").param("record", record).param("now", now).query(Long.class).optional();
        } else {
            claimed = jdbc.sql("""
                    UPDATE edits.edit_version SET version = version + 1, changed_at = :now
                    WHERE record = :record AND version = :loaded
                    RETURNING version""").param("record", record).param("loaded", loaded.value()).param("now", now)
                    .query(Long.class).optional();
        }
        return new EditVersion(claimed.orElseThrow(() -> conflict(record)));
    }

    private Refused conflict(String record) {
        Optional<OffsetDateTime> changed = jdbc.sql("SELECT changed_at FROM edits.edit_version WHERE record = :record")
                .param("record", record).query(OffsetDateTime.class).optional();
        return new Refused(PlatformRefusal.EDIT_CONFLICT, changed.map(this::when).orElse(recently()));
    }

    /** "at 14:05" when it was today where the users are, "at 14:05 on 01/12/2026" before. */
    private Translatable when(OffsetDateTime changedAt) {
        ZonedDateTime at = changedAt.atZoneSameInstant(clock.getZone());
        String time = TIME.format(at);
        if (at.toLocalDate().equals(LocalDate.now(clock))) {
            return (messages, locale) -> messages.getMessage("edit.conflict.at", new Object[] {time}, locale);
        }
        String day = DAY.format(at);
        return (messages, locale) -> messages.getMessage("edit.conflict.at-day", new Object[] {time, day}, locale);
    }

    /** A conflict found by a Spring Data {@code @Version}, which does not say when the other change was saved. */
    static Translatable recently() {
        return (messages, locale) -> messages.getMessage("edit.conflict.recently", null, locale);
    }
}
