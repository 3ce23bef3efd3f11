package org.cadre.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Collectors;
import org.cadre.CadreApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries hold, and the documentation in {@code docs/} is generated from the code as it is. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(CadreApplication.class);
    static final Path DOCS = Path.of("..", "docs");
    static final String BEGIN = "<!-- generated:module-diagram:begin -->";
    static final String END = "<!-- generated:module-diagram:end -->";

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void theFiveDomainModulesAreThere() {
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("organizations", "commitments", "supervision", "evaluation", "ratingrules");
    }

    @Test
    void writesModuleDiagramsAndCanvases() throws IOException {
        Path generated = Path.of("target", "modulith-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeDocumentation()
                .writeIndividualModulesAsPlantUml();
        assertThat(generated.resolve("components.puml")).exists();
        copyWhereContentChanged(generated, DOCS.resolve("modules"));
        assertThat(DOCS.resolve("modules/components.puml")).exists();

        Path architecture = DOCS.resolve("architecture.md");
        String text = Files.readString(architecture, StandardCharsets.UTF_8);
        assertThat(text).contains(BEGIN).contains(END);
        String updated = text.substring(0, text.indexOf(BEGIN) + BEGIN.length()) + "\n" + mermaid() + "\n"
                + text.substring(text.indexOf(END));
        if (!updated.equals(text)) {
            Files.writeString(architecture, updated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(architecture, StandardCharsets.UTF_8)).contains(mermaid());
    }

    /**
     * The Documenter lists some items in a different order from run to run: a file in {@code docs/} is replaced only
     * when its lines changed, not their order, so a test run leaves the tree clean unless the modules changed.
     */
    private static void copyWhereContentChanged(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(file.getFileName().toString());
                if (!Files.exists(target) || !sortedLines(file).equals(sortedLines(target))) {
                    Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static java.util.List<String> sortedLines(Path file) throws IOException {
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
