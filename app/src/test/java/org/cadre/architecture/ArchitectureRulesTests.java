package org.cadre.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.stream.Stream;
import org.cadre.platform.Refused;
import org.jmolecules.event.types.DomainEvent;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What Spring Modulith's verification does not see (style point 8). Each rule names what it protects; a
 * violation fails the normal test suite. The rules are the static fields below, each checked as a test of its
 * own against the application's classes (imported once); the class runs beside the Spring tests.
 */
@Execution(ExecutionMode.CONCURRENT)
class ArchitectureRulesTests {

    @TestFactory
    Stream<DynamicTest> everyRuleHolds() {
        JavaClasses classes = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("org.cadre");
        return Arrays.stream(ArchitectureRulesTests.class.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == ArchRule.class)
                .map(field -> DynamicTest.dynamicTest(field.getName(), () -> rule(field).check(classes)));
    }

    private static ArchRule rule(Field field) throws IllegalAccessException {
        return (ArchRule) field.get(null);
    }

    /** Constructor injection only: dependencies are visible, final and testable. */
    static final ArchRule noFieldInjection = noFields().should().beAnnotatedWith(Autowired.class)
            .because("dependencies come through constructors");

    static final ArchRule noStandardStreams = NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
            .because("output goes through the logger, so operations can route and filter it");

    static final ArchRule noGenericExceptions = NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    static final ArchRule noJavaUtilLogging = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    /** A repository is a module's internal: other modules go through its facade. */
    static final ArchRule repositoriesAreNotPublic = classes()
            .that().areAssignableTo(org.springframework.data.repository.Repository.class)
            .should().notBePublic()
            .allowEmptyShould(true);

    /**
     * The domain model carries no framework: it can be read and tested on its own. It guards a real package
     * ({@code org.cadre.organizations.domain}), so it must find classes to check.
     */
    static final ArchRule domainHasNoFramework = noClasses()
            .that().resideInAPackage("org.cadre..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.kie..", "org.drools..",
                    "jakarta.servlet..", "tools.jackson..");

    /**
     * Who is calling is read in one place, the platform's security: no module reads the security context or parses
     * authority strings; each reads the typed {@code org.cadre.platform.Caller}.
     */
    static final ArchRule onlyThePlatformReadsTheSecurityContext = noClasses()
            .that().resideOutsideOfPackage("org.cadre.platform.security..")
            .should().callMethod(GrantedAuthority.class, "getAuthority")
            .orShould().dependOnClassesThat().areAssignableTo(SecurityContextHolder.class)
            .because("modules read the typed org.cadre.platform.Caller, never authority strings");

    /**
     * Security expressions name roles only: a bean in SpEL ({@code @orgScope...}) is a dependency Spring Modulith
     * cannot see. Scope is asked of {@code OrganizationAccess} in Java.
     */
    static final ArchRule securityExpressionsNameNoBean = methods()
            .that().areAnnotatedWith(PreAuthorize.class).or().areMetaAnnotatedWith(PreAuthorize.class)
            .should(haveSecurityExpressionsWithoutBeans());

    /**
     * Every page and API method says who may call it: a role meta-annotation of its module, or @PreAuthorize
     * (the sign-in page says {@code permitAll()}).
     */
    static final ArchRule everyEndpointNamesItsRoles = methods()
            .that().areMetaAnnotatedWith(RequestMapping.class)
            .should().beMetaAnnotatedWith(PreAuthorize.class).orShould().beAnnotatedWith(PreAuthorize.class);

    /** Time comes from the Clock bean: dates of changes, deadlines and tests that move time depend on it. */
    static final ArchRule timeComesFromTheClock = noClasses()
            .should().callMethodWhere(readsTheSystemClock())
            .because("main code reads the injected java.time.Clock, so tests can move time");

    /** A module refuses with its refusal enumeration; the HTTP status is the platform's concern. */
    static final ArchRule noHttpStatusInsideModules = noClasses()
            .that().resideInAnyPackage("org.cadre..internal..", "org.cadre..domain..")
            .should().dependOnClassesThat().areAssignableTo(HttpStatus.class)
            .orShould().dependOnClassesThat().areAssignableTo(HttpStatusCode.class);

    /** A page controller holds no try/catch for refusals: the platform sends a refused form back to its page. */
    static final ArchRule controllersDoNotCatchRefusals = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(Controller.class)
            .or().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
            .should(notCatch(Refused.class));

    /** Drools stays behind the rating rules engine: nothing else may depend on a rule engine's types. */
    static final ArchRule onlyTheEngineTouchesDrools = noClasses()
            .that().resideOutsideOfPackage("org.cadre.ratingrules.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..");

    /** Events are immutable records, so a stored publication always means what it meant when published. */
    static final ArchRule eventsAreRecords = classes().that().implement(DomainEvent.class)
            .should(beRecords()).allowEmptyShould(true);

    /** Every listener has an explicit, stable id: renaming a method must not strand unfinished publications. */
    static final ArchRule listenersHaveStableIds = methods().that().areAnnotatedWith(ApplicationModuleListener.class)
            .should(haveAnExplicitListenerId()).allowEmptyShould(true);

    /** Listeners are package-private: only the event registry calls them. */
    static final ArchRule listenersArePackagePrivate = methods()
            .that().areAnnotatedWith(ApplicationModuleListener.class)
            .should().notHaveModifier(JavaModifier.PUBLIC).allowEmptyShould(true);

    /** Inside a module, sub-packages do not depend on each other in a circle. */
    static final ArchRule noCyclesInsideModules = slices().matching("org.cadre.(*).(*)..")
            .should().beFreeOfCycles().allowEmptyShould(true);

    private static ArchCondition<JavaMethod> haveSecurityExpressionsWithoutBeans() {
        return new ArchCondition<>("have security expressions that name no bean") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                PreAuthorize direct = method.reflect().getAnnotation(PreAuthorize.class);
                PreAuthorize merged = direct != null ? direct : AnnotatedElementUtils.findMergedAnnotation(
                        method.reflect(), PreAuthorize.class);
                String expression = merged == null ? "" : merged.value();
                boolean ok = !expression.contains("@");
                events.add(new SimpleConditionEvent(method, ok,
                        method.getFullName() + (ok ? " names roles only" : " names a bean: " + expression)));
            }
        };
    }

    private static DescribedPredicate<JavaMethodCall> readsTheSystemClock() {
        return new DescribedPredicate<>("reads the system clock (now() without a Clock, currentTimeMillis())") {
            @Override
            public boolean test(JavaMethodCall call) {
                String owner = call.getTargetOwner().getName();
                String name = call.getName();
                boolean noArgumentNow = name.equals("now") && call.getTarget().getRawParameterTypes().isEmpty()
                        && owner.startsWith("java.time.");
                boolean millis = owner.equals(System.class.getName()) && name.equals("currentTimeMillis");
                return noArgumentNow || millis;
            }
        };
    }

    private static ArchCondition<JavaMethod> notCatch(Class<? extends Throwable> type) {
        return new ArchCondition<>("not catch " + type.getSimpleName()) {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean catches = method.getTryCatchBlocks().stream().flatMap(b -> b.getCaughtThrowables().stream())
                        .anyMatch(t -> t.isAssignableTo(type));
                events.add(new SimpleConditionEvent(method, !catches,
                        method.getFullName() + (catches ? " catches " : " does not catch ") + type.getSimpleName()));
            }
        };
    }

    private static ArchCondition<JavaClass> beRecords() {
        return new ArchCondition<>("be records") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                boolean record = item.isRecord();
                events.add(new SimpleConditionEvent(item, record,
                        item.getName() + (record ? " is" : " is not") + " a record"));
            }
        };
    }

    private static ArchCondition<JavaMethod> haveAnExplicitListenerId() {
        return new ArchCondition<>("have an explicit listener id") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                String id = method.getAnnotationOfType(ApplicationModuleListener.class).id();
                boolean ok = id != null && !id.isBlank();
                events.add(new SimpleConditionEvent(method, ok,
                        method.getFullName() + (ok ? " has id " + id : " has no explicit id")));
            }
        };
    }
}
