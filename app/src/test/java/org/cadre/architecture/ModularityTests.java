package org.cadre.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.cadre.CadreApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries hold, and the documentation in {@code docs/} is generated from the code as it is. */
@Execution(ExecutionMode.CONCURRENT)
class ModularityTests {

    /** The modules of the application; the test support the modules' test jars bring is not part of them. */
    static final ApplicationModules MODULES = ApplicationModules.of(CadreApplication.class,
            JavaClass.Predicates.resideInAPackage("..testing.."));
    static final Path DOCS = Path.of("..", "docs");
    static final String BEGIN = "<!-- generated:module-diagram:begin -->";
    static final String END = "<!-- generated:module-diagram:end -->";

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void theFiveDomainModulesAndTheSharedOnesAreThere() {
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("organizations", "commitments", "supervision", "evaluation", "ratingrules", "platform",
                        "identity");
        assertThat(MODULES.getSharedModules()).extracting(m -> m.getIdentifier().toString())
                .containsExactly("platform");
    }

    /**
     * The module documentation in {@code docs/} is what the code generates: a stale diagram or canvas fails the
     * build and says how to regenerate them. Run with {@code -Dcadre.docs.write=true} to write them.
     */
    @Test
    void theCommittedModuleDocumentationIsCurrent() throws IOException {
        Path generated = Path.of("target", "modulith-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeDocumentation()
                .writeIndividualModulesAsPlantUml();
        Path architecture = DOCS.resolve("architecture.md");
        String text = Files.readString(architecture, StandardCharsets.UTF_8);
        assertThat(text).contains(BEGIN).contains(END);
        String current = text.substring(0, text.indexOf(BEGIN) + BEGIN.length()) + "\n" + mermaid() + "\n"
                + text.substring(text.indexOf(END));

        List<String> stale = new ArrayList<>();
        try (var files = Files.list(generated)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path committed = DOCS.resolve("modules").resolve(file.getFileName().toString());
                if (!Files.exists(committed) || !sortedLines(file).equals(sortedLines(committed))) {
                    stale.add("docs/modules/" + file.getFileName());
                    if (WRITE) {
                        Files.createDirectories(committed.getParent());
                        Files.copy(file, committed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        if (!current.equals(text)) {
            stale.add("docs/architecture.md (the module diagram)");
            if (WRITE) {
                Files.writeString(architecture, current, StandardCharsets.UTF_8);
            }
        }
        if (!WRITE) {
            assertThat(stale).as("""
                    the module documentation is stale; regenerate it with
                      ./mvnw -pl app -am verify -Dtest=ModularityTests -Dcadre.docs.write=true \\
                        -Dsurefire.failIfNoSpecifiedTests=false
                    and commit what it writes""").isEmpty();
        }
    }

    /** {@code -Dcadre.docs.write=true}: the test rewrites the stale files instead of failing. */
    private static final boolean WRITE = Boolean.getBoolean("cadre.docs.write");

    /**
     * The Documenter lists some items in a different order from run to run: files are compared by their lines, not
     * their order.
     */
    private static List<String> sortedLines(Path file) throws IOException {
        // a list's first item carries the table cell's '|' in the canvases: it moves with the order, so ignore it
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(line -> line.replaceFirst("^\\|", ""))
                .sorted().toList();
    }

    /** The module graph as Mermaid, which renders where the markdown is read; PlantUML sources sit beside it. */
    static String mermaid() {
        StringBuilder out = new StringBuilder("```mermaid\nflowchart TD\n");
        MODULES.stream().sorted(Comparator.comparing(m -> m.getIdentifier().toString())).forEach(module -> {
            String events = module.getPublishedEvents().stream().map(e -> e.getType().getSimpleName()).sorted()
                    .collect(Collectors.joining(", "));
            out.append("  ").append(module.getIdentifier()).append("[\"").append(module.getDisplayName())
                    .append(events.isEmpty() ? "" : "<br/><small>publishes: " + events + "</small>").append("\"]\n");
        });
        MODULES.stream().sorted(Comparator.comparing(m -> m.getIdentifier().toString())).forEach(module ->
                module.getDirectDependencies(MODULES).uniqueModules()
                        .sorted(Comparator.comparing(m -> m.getIdentifier().toString()))
                        .forEach(target -> out.append("  ").append(module.getIdentifier()).append(" --> ")
                                .append(target.getIdentifier()).append('\n')));
        return out.append("```").toString();
    }
}
