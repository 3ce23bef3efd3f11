package org.cadre.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;
import org.assertj.core.api.Assertions;
import org.cadre.architecture.offenders.domain.FrameworkInDomain;
import org.cadre.architecture.offenders.internal.ChoosesHttpStatus;
import org.cadre.fixture.a.CycleA;
import org.cadre.fixture.b.CycleB;
import org.cadre.platform.Refused;
import org.jmolecules.event.types.DomainEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.repository.Repository;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The rules are not vacuous: each one rejects a class that breaks it, and no rule goes without such a test. */
@Execution(ExecutionMode.CONCURRENT)
class ArchitectureRulesCanFailTests {

    @Test
    void everyRuleHasATestHere() {
        List<String> rules = Arrays.stream(ArchitectureRulesTests.class.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && ArchRule.class.isAssignableFrom(f.getType()))
                .map(Field::getName).toList();
        List<String> tests = Arrays.stream(getClass().getDeclaredMethods()).map(m -> m.getName()).toList();
        Assertions.assertThat(rules).allSatisfy(rule -> Assertions.assertThat(tests)
                .as("a test proving that %s can fail", rule).anyMatch(t -> t.startsWith(rule)));
    }

    @Test
    void noFieldInjectionRejectsAnAutowiredField() {
        assertViolated(ArchitectureRulesTests.noFieldInjection, FieldInjected.class);
    }

    @Test
    void noStandardStreamsRejectsSystemOut() {
        assertViolated(ArchitectureRulesTests.noStandardStreams, PrintsToStandardOut.class);
    }

    @Test
    void noGenericExceptionsRejectsARuntimeException() {
        assertViolated(ArchitectureRulesTests.noGenericExceptions, ThrowsGeneric.class);
    }

    @Test
    void noJavaUtilLoggingRejectsJulLogger() {
        assertViolated(ArchitectureRulesTests.noJavaUtilLogging, UsesJul.class);
    }

    @Test
    void repositoriesAreNotPublicRejectsAPublicRepository() {
        assertViolated(ArchitectureRulesTests.repositoriesAreNotPublic, PublicRepository.class);
    }

    @Test
    void domainHasNoFrameworkRejectsSpringInADomainPackage() {
        assertViolated(ArchitectureRulesTests.domainHasNoFramework, FrameworkInDomain.class);
    }

    @Test
    void onlyTheEngineTouchesDroolsRejectsKieOutsideTheEngine() {
        assertViolated(ArchitectureRulesTests.onlyTheEngineTouchesDrools, UsesKie.class);
    }

    @Test
    void eventsAreRecordsRejectsAnEventClass() {
        assertViolated(ArchitectureRulesTests.eventsAreRecords, ClassEvent.class);
    }

    @Test
    void listenersHaveStableIdsRejectsAListenerWithoutId() {
        assertViolated(ArchitectureRulesTests.listenersHaveStableIds, ListenerWithoutId.class);
    }

    @Test
    void listenersArePackagePrivateRejectsAPublicListener() {
        assertViolated(ArchitectureRulesTests.listenersArePackagePrivate, PublicListener.class);
    }

    @Test
    void noCyclesInsideModulesRejectsSubPackagesThatNeedEachOther() {
        JavaClasses classes = new ClassFileImporter().importClasses(CycleA.class, CycleB.class);
        assertThatThrownBy(() -> ArchitectureRulesTests.noCyclesInsideModules.check(classes))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle");
    }

    @Test
    void onlyThePlatformReadsTheSecurityContextRejectsAModuleThatDoes() {
        assertViolated(ArchitectureRulesTests.onlyThePlatformReadsTheSecurityContext, ReadsTheSecurityContext.class);
    }

    @Test
    void securityExpressionsNameNoBeanRejectsABeanInSpel() {
        assertViolated(ArchitectureRulesTests.securityExpressionsNameNoBean, BeanInExpression.class);
    }

    @Test
    void everyEndpointNamesItsRolesRejectsAnUnguardedMethod() {
        assertViolated(ArchitectureRulesTests.everyEndpointNamesItsRoles, UnguardedController.class);
    }

    @Test
    void timeComesFromTheClockRejectsNow() {
        assertViolated(ArchitectureRulesTests.timeComesFromTheClock, ReadsTheSystemClock.class);
    }

    @Test
    void noHttpStatusInsideModulesRejectsAStatusInAnInternalPackage() {
        assertViolated(ArchitectureRulesTests.noHttpStatusInsideModules, ChoosesHttpStatus.class);
    }

    @Test
    void controllersDoNotCatchRefusalsRejectsATryCatch() {
        assertViolated(ArchitectureRulesTests.controllersDoNotCatchRefusals, CatchingController.class);
    }

    private static void assertViolated(ArchRule rule, Class<?> offender) {
        JavaClasses classes = new ClassFileImporter().importClasses(offender);
        assertThatThrownBy(() -> rule.check(classes)).isInstanceOf(AssertionError.class)
                .hasMessageContaining(offender.getSimpleName());
    }

    static class FieldInjected {
        @Autowired
        Object dependency;
    }

    static class PrintsToStandardOut {
        void print() {
            System.out.println("no");
        }
    }

    static class ThrowsGeneric {
        void fail() {
            throw new RuntimeException("no");
        }
    }

    static class UsesJul {
        static final Logger LOG = Logger.getLogger("no");

        void log() {
            LOG.info("no");
        }
    }

    public interface PublicRepository extends Repository<Object, Long> {
    }

    static class UsesKie {
        Object services() {
            return org.kie.api.KieServices.Factory.get();
        }
    }

    static final class ClassEvent implements DomainEvent {
    }

    static class ListenerWithoutId {
        @ApplicationModuleListener
        void on(Object event) {
        }
    }

    static class PublicListener {
        @ApplicationModuleListener(id = "test.public")
        public void on(Object event) {
        }
    }

    static class ReadsTheSecurityContext {
        Object caller() {
            return SecurityContextHolder.getContext().getAuthentication();
        }
    }

    static class BeanInExpression {
        @PreAuthorize("hasRole('ADMIN') and @orgScope.canSeeOrganization(#id)")
        void page(Object id) {
        }
    }

    @Controller
    static class UnguardedController {
        @GetMapping("/open")
        String page() {
            return "open";
        }
    }

    static class ReadsTheSystemClock {
        Object today() {
            return LocalDate.now();
        }
    }

    @Controller
    static class CatchingController {
        @GetMapping("/caught")
        @PreAuthorize("hasRole('ADMIN')")
        String page() {
            try {
                return "ok";
            } catch (Refused e) {
                return "error";
            }
        }
    }
}
