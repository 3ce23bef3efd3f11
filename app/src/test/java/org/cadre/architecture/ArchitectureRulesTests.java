package org.cadre.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.domain.JavaMethod;
import org.jmolecules.event.types.DomainEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * What Spring Modulith's verification does not see (style point 8). Each rule names what it protects; a
 * violation fails the normal test suite.
 */
@AnalyzeClasses(packages = "org.cadre", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureRulesTests {

    /** Constructor injection only: dependencies are visible, final and testable. */
    @ArchTest
    static final ArchRule noFieldInjection = noFields().should().beAnnotatedWith(Autowired.class)
            .because("dependencies come through constructors");

    @ArchTest
    static final ArchRule noStandardStreams = NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
            .because("output goes through the logger, so operations can route and filter it");

    @ArchTest
    static final ArchRule noGenericExceptions = NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    @ArchTest
    static final ArchRule noJavaUtilLogging = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    /** A repository is a module's internal: other modules go through its facade. */
    @ArchTest
    static final ArchRule repositoriesAreNotPublic = classes()
            .that().areAssignableTo(org.springframework.data.repository.Repository.class)
            .should().notBePublic()
            .allowEmptyShould(true);

    /** The domain model carries no framework: it can be read and tested on its own. */
    @ArchTest
    static final ArchRule domainHasNoFramework = noClasses()
            .that().resideInAPackage("org.cadre..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.kie..", "org.drools..")
            .allowEmptyShould(true);

    /** Drools stays behind the rating rules engine: nothing else may depend on a rule engine's types. */
    @ArchTest
    static final ArchRule onlyTheEngineTouchesDrools = noClasses()
            .that().resideOutsideOfPackage("org.cadre.ratingrules.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..");

    /** Events are immutable records, so a stored publication always means what it meant when published. */
    @ArchTest
    static final ArchRule eventsAreRecords = classes().that().implement(DomainEvent.class)
            .should(beRecords()).allowEmptyShould(true);

    /** Every listener has an explicit, stable id: renaming a method must not strand unfinished publications. */
    @ArchTest
    static final ArchRule listenersHaveStableIds = methods().that().areAnnotatedWith(ApplicationModuleListener.class)
            .should(haveAnExplicitListenerId()).allowEmptyShould(true);

    /** Listeners are package-private: only the event registry calls them. */
    @ArchTest
    static final ArchRule listenersArePackagePrivate = methods()
            .that().areAnnotatedWith(ApplicationModuleListener.class)
            .should().notHaveModifier(JavaModifier.PUBLIC).allowEmptyShould(true);

    /** Inside a module, sub-packages do not depend on each other in a circle. */
    @ArchTest
    static final ArchRule noCyclesInsideModules = slices().matching("org.cadre.(*).(*)..")
            .should().beFreeOfCycles().allowEmptyShould(true);

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
