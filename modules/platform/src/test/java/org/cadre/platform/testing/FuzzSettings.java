package org.cadre.platform.testing;

import java.util.Optional;
import net.jqwik.api.Example;
import net.jqwik.api.FixedSeedMode;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import org.springframework.test.context.TestContextManager;

/**
 * Runs a jqwik property with Spring's test context and the suite's fuzz settings.
 *
 * <p>jqwik is its own engine, so Jupiter's {@code SpringExtension} never sees its classes: the test instance is
 * prepared by Spring's {@link TestContextManager} instead, which reads the same annotations and shares the same
 * context cache, so a property class annotated like the module's Jupiter tests reuses their context.
 *
 * <p>The suite runs each property with a fixed seed (system property {@code cadre.fuzz.seed}, 20261202 by default,
 * printed by jqwik with any failure) so that a red build is reproducible; {@code -Dcadre.fuzz.seed=random} draws a
 * new one each run. {@code -Dcadre.fuzz.tries=N} replaces every property's tries for a long fuzz run (an
 * {@code @Example} stays one try).
 */
public final class FuzzSettings implements AroundPropertyHook {

    public static final String DEFAULT_SEED = "20261202";

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property)
            throws Throwable {
        new TestContextManager(context.containerClass()).prepareTestInstance(context.testInstance());
        // an @Example (a limit hit once) stays one try
        if (!context.targetMethod().isAnnotationPresent(Example.class)) {
            setting("cadre.fuzz.tries").map(Integer::valueOf)
                    .ifPresent(tries -> context.attributes().setTries(tries));
        }
        String seed = setting("cadre.fuzz.seed").orElse(DEFAULT_SEED);
        if (!"random".equalsIgnoreCase(seed)) {
            context.attributes().setSeed(seed);
            context.attributes().setWhenFixedSeed(FixedSeedMode.ALLOW);
        }
        return property.execute();
    }

    /** Outermost, so the attributes are set before jqwik reads them. */
    @Override
    public int aroundPropertyProximity() {
        return -100;
    }

    private static Optional<String> setting(String name) {
        return Optional.ofNullable(System.getProperty(name)).map(String::strip).filter(s -> !s.isEmpty());
    }
}
