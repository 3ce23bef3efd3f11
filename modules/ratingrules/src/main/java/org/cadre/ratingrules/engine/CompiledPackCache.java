package org.cadre.ratingrules.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.cadre.ratingrules.facts.Discipline;
import org.cadre.ratingrules.facts.FactsContract;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.OrganizationFacts;
import org.cadre.ratingrules.facts.Parameters;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.ratingrules.facts.RatingScale;
import org.cadre.ratingrules.facts.Reason;
import org.cadre.ratingrules.facts.Share;
import org.cadre.ratingrules.facts.SubjectFacts;
import org.drools.modelcompiler.CanonicalKieModule;

/**
 * Where compiled packs are kept between starts: the KieModule a build produced (its jar, with the classes the Java
 * compiler made), found again by the checksum of the pack's files. Loading one back takes a fraction of a second;
 * compiling takes seconds, most of them in the Java compiler. A row that cannot be used is only a miss.
 */
public interface CompiledPackCache {

    /** The compiled module stored for this key, if any. */
    Optional<byte[]> find(Key key);

    /** Keeps a compiled module (replacing what the key held); a failure is the cache's to log, never the caller's. */
    void store(Key key, String packId, int version, byte[] module);

    /** No cache: every load compiles. */
    CompiledPackCache NONE = new CompiledPackCache() {
        @Override
        public Optional<byte[]> find(Key key) {
            return Optional.empty();
        }

        @Override
        public void store(Key key, String packId, int version, byte[] module) {
        }
    };

    /**
     * What a compiled module depends on besides the pack's own files: the Drools that generated it, the layout of
     * what is stored ({@link #FORMAT}), and the runtime its classes were linked against (the Java version and the
     * bytecode of the facts the rules read: a changed getter would otherwise fail at the first evaluation).
     *
     * @param checksum      the pack version's checksum ({@code PackFiles.checksum()})
     * @param droolsVersion the Drools release
     * @param format        the cache format
     * @param runtime       the Java specification version and a digest of the facts classes
     */
    record Key(String checksum, String droolsVersion, int format, String runtime) {

        /** Raised when what is stored, or how it is read back, changes. */
        public static final int FORMAT = 1;

        public static Key of(String checksum) {
            return new Key(checksum, DROOLS_VERSION, FORMAT, RUNTIME);
        }

        private static final String DROOLS_VERSION = runningDroolsVersion();
        private static final String RUNTIME = "java" + System.getProperty("java.specification.version") + "-facts-"
                + factsDigest();

        private static String runningDroolsVersion() {
            String version = CanonicalKieModule.class.getPackage().getImplementationVersion();
            if (version != null) {
                return version;
            }
            // a class path without jar manifests (an IDE): the pom the Drools jar carries
            try (InputStream in = CanonicalKieModule.class.getResourceAsStream(
                    "/META-INF/maven/org.drools/drools-model-compiler/pom.properties")) {
                java.util.Properties pom = new java.util.Properties();
                if (in != null) {
                    pom.load(in);
                }
                return pom.getProperty("version", "unknown");
            } catch (IOException e) {
                return "unknown";
            }
        }

        /** SHA-256 over the class files of the facts package, nested classes included; 16 hex digits. */
        private static String factsDigest() {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                Deque<Class<?>> classes = new ArrayDeque<>(List.of(Discipline.class, FactsContract.class,
                        MemberFacts.class, OrganizationFacts.class, Parameters.class, Proposal.class,
                        RatingScale.class, Reason.class, Share.class, SubjectFacts.class));
                while (!classes.isEmpty()) {
                    Class<?> type = classes.pop();
                    digest.update(type.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    try (InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/')
                            + ".class")) {
                        if (in != null) {
                            digest.update(in.readAllBytes());
                        }
                    }
                    classes.addAll(List.of(type.getDeclaredClasses()));
                }
                return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
