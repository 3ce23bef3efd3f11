/**
 * Test support every module's tests may use (the platform's test jar): the {@link
 * org.cadre.platform.testing.MutableClock}, {@link org.cadre.platform.testing.SecondInstance} (another JVM of the
 * application on the test's database, for the fault tests), and the fuzz tests' harness ({@link
 * org.cadre.platform.testing.Fuzz}, {@link org.cadre.platform.testing.Gen}) and checks. A named interface, so module
 * tests that depend on it respect the module's boundary.
 */
@org.springframework.modulith.NamedInterface("testing")
package org.cadre.platform.testing;
