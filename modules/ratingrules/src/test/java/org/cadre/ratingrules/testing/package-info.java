/**
 * Test support the application's tests may use (the rating rules test jar): {@link
 * org.cadre.ratingrules.testing.TestPacks}, the two-level test pack and facts to rate with it.
 */
@org.springframework.modulith.NamedInterface("testing")
package org.cadre.ratingrules.testing;
