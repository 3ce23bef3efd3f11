package org.cadre.ratingrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.cadre.ratingrules.engine.PackCompiler;
import org.cadre.ratingrules.engine.PackValidator;
import org.cadre.ratingrules.pack.ManifestReader;
import org.cadre.ratingrules.pack.PackFiles;
import org.cadre.ratingrules.testing.TestPacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sandbox is a wall: whatever way a rule spells its way out of the facts contract, the compiled pack is refused
 * before anything of it runs. Each case is checked twice: through the whole validation, and through the compiler
 * alone (without the text guard in front), so that the wall holds by itself.
 */
@Execution(ExecutionMode.CONCURRENT)
class SandboxTests {

    /** A file a rule tries to write; it must never exist. */
    static final Path MARKER = Path.of(System.getProperty("java.io.tmpdir"), "cadre-sandbox-" + UUID.randomUUID());

    static List<String[]> escapes() {
        String marker = MARKER.toString().replace("\\", "\\\\");
        return List.of(
                new String[] {"a qualified name split by a line break",
                        "java.nio.file.\nFiles.writeString(java.nio.file.Path.of(\"" + marker + "\"), \"x\");"},
                new String[] {"a qualified name split by a carriage return and line break",
                        "java.nio.file\r\n.Files.writeString(java.nio.file\r\n.Path.of(\"" + marker + "\"), \"x\");"},
                new String[] {"a qualified name split by comments",
                        "java.nio./* x */file./**/Files.writeString(java.nio.file.Path./*y*/of(\"" + marker
                                + "\"), \"x\");"},
                new String[] {"a class built from strings", "Class.forName(\"java.lang.\" + \"Runtime\");"},
                new String[] {"a method of an allowed type that returns a class",
                        "$p.getClass().getClassLoader();"},
                new String[] {"a class loader", "Thread.currentThread().getContextClassLoader();"},
                new String[] {"a stack frame", "new Throwable().getStackTrace();"},
                new String[] {"a stack walker", "StackWalker.getInstance();"},
                new String[] {"a module", "String.class.getModule();"},
                new String[] {"the system's properties", "System.getProperties();"},
                new String[] {"a process", "new ProcessBuilder(\"touch\", \"" + marker + "\").start();"},
                new String[] {"a socket", "new java.net.Socket(\"127.0.0.1\", 8080);"},
                new String[] {"the running session", "drools.getKieRuntime();"},
                new String[] {"a string of any size", "$p.note(\"x\".repeat(Integer.MAX_VALUE));"},
                new String[] {"an array of any size", "int[] big = new int[Integer.MAX_VALUE - 8];"},
                new String[] {"a loop", "for (int i = 0; i < 3; i++) { $p.note(\"x\"); }"},
                new String[] {"an endless loop", "while (true) { $p.note(\"x\"); }"});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("escapes")
    void anEscapeInAConsequenceIsRefusedAndNothingRuns(String name, String consequence) {
        PackFiles pack = withConsequence(consequence);
        ValidationReport report = new PackValidator().validate(pack).report();
        assertThat(report.valid()).as(name).isFalse();
        assertThat(report.scenarios()).as("no scenario ran").isEmpty();
        PackCompiler.Result compiled = compile(pack);
        assertThat(compiled.pack()).as("the compiler alone refuses %s", name).isNull();
        assertThat(compiled.problems()).as(name).extracting(PackProblem::code)
                .containsAnyOf("forbidden-reference", "forbidden-loop", "forbidden-array");
        assertThat(MARKER).doesNotExist();
    }

    @Test
    void anEscapeInAConditionIsRefusedByTheWallItself() {
        PackFiles pack = TestPacks.twoLevel().withText("extra.drl", """
                package rules.test.twolevel;
                import org.cadre.ratingrules.facts.*;

                rule "Escape"
                    @id("T-ESC") @criterion("x") @article("y")
                when
                    $m : MemberFacts( java.lang.
                        Runtime.getRuntime().availableProcessors() > 0 )
                then
                end
                """);
        PackCompiler.Result compiled = compile(pack);
        assertThat(compiled.pack()).isNull();
        assertThat(compiled.problems()).anySatisfy(problem -> {
            assertThat(problem.code()).isEqualTo("forbidden-reference");
            assertThat(problem.file()).isEqualTo("extra.drl");
            assertThat(problem.line()).isEqualTo(8);
            assertThat(problem.message()).contains("java.lang.Runtime");
        });
    }

    @Test
    void theShippedAndTestPacksPassTheWall() throws Exception {
        assertThat(compile(TestPacks.twoLevel()).pack()).isNotNull();
        for (Path folder : ShippedPacks.all()) {
            PackCompiler.Result compiled = compile(PackFiles.fromFolder(folder));
            assertThat(compiled.problems()).as("%s", folder).isEmpty();
            compiled.pack().close();
        }
        assertThat(Files.exists(MARKER)).isFalse();
    }

    private static PackFiles withConsequence(String consequence) {
        return TestPacks.twoLevel().withText("extra.drl", """
                package rules.test.twolevel;
                import org.cadre.ratingrules.facts.*;

                rule "Escape"
                    @id("T-ESC") @criterion("x") @article("y")
                when
                    $p : Proposal( )
                then
                %s
                end
                """.formatted(consequence));
    }

    private static PackCompiler.Result compile(PackFiles files) {
        return new PackCompiler().compile(ManifestReader.read(files).manifest(), files);
    }
}
