package org.cadre.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.repository.Repository;
import org.springframework.modulith.events.ApplicationModuleListener;

/** The rules are not vacuous: each one rejects a class that breaks it. */
class ArchitectureRulesCanFailTests {

    @Test
    void fieldInjectionIsRejected() {
        assertViolated(ArchitectureRulesTests.noFieldInjection, FieldInjected.class);
    }

    @Test
    void publicRepositoryIsRejected() {
        assertViolated(ArchitectureRulesTests.repositoriesAreNotPublic, PublicRepository.class);
    }

    @Test
    void listenerWithoutIdIsRejected() {
        assertViolated(ArchitectureRulesTests.listenersHaveStableIds, ListenerWithoutId.class);
    }

    @Test
    void standardOutputIsRejected() {
        assertViolated(ArchitectureRulesTests.noStandardStreams, PrintsToStandardOut.class);
    }

    private static void assertViolated(com.tngtech.archunit.lang.ArchRule rule, Class<?> offender) {
        JavaClasses classes = new ClassFileImporter().importClasses(offender);
        assertThatThrownBy(() -> rule.check(classes)).isInstanceOf(AssertionError.class)
                .hasMessageContaining(offender.getSimpleName());
    }

    static class FieldInjected {
        @Autowired
        Object dependency;
    }

    public interface PublicRepository extends Repository<Object, Long> {
    }

    static class ListenerWithoutId {
        @ApplicationModuleListener
        void on(Object event) {
        }
    }

    static class PrintsToStandardOut {
        void print() {
            System.out.println("no");
        }
    }
}
