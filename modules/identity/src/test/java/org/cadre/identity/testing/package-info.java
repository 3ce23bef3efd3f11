/**
 * Test support other modules' tests may use (the identity test jar): {@link
 * org.cadre.identity.testing.TestUsers}, real users with a known password, for tests that sign in with HTTP basic.
 */
@org.springframework.modulith.NamedInterface("testing")
package org.cadre.identity.testing;
