/**
 * Test support other modules' and the application's tests may use (the organizations test jar): {@link
 * org.cadre.organizations.testing.TestTree}, a small tree of its own for each test.
 */
@org.springframework.modulith.NamedInterface("testing")
package org.cadre.organizations.testing;
