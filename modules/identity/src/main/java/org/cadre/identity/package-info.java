/**
 * Identity: the users of Cadre, signing in and its protection. Users live in the {@code identity} schema with
 * hashed passwords, their roles and what they are linked to (a member, an organization subtree, a coordinating
 * body). At sign-in a user becomes the platform's {@link org.cadre.platform.Caller}, the principal of a
 * {@link org.cadre.identity.CallerAuthentication}; this module is the only one that reads the security context
 * ({@code SecurityContextCaller}), so no other module parses authority strings.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = "platform")
package org.cadre.identity;
