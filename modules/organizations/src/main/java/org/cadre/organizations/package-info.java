/**
 * Organizations: the master record of the party organization tree, the agencies the organizations sit in,
 * members, roles over time and coordinating bodies. What this module publishes is what the other modules know.
 * Its public face is the {@link org.cadre.organizations.Organizations} facade, its value types and its events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organizations", allowedDependencies = "platform")
package org.cadre.organizations;
