package org.cadre.platform.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.PropagationMode;

/**
 * A class of jqwik properties that run against the module's Spring context (declared beside it, e.g. the module's
 * test meta-annotation), with the suite's fixed seed and tries that a long fuzz run can raise: see
 * {@link FuzzSettings}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// a hook on a class reaches its properties only when told to propagate
@AddLifecycleHook(value = FuzzSettings.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
public @interface SpringFuzzTest {
}
