/**
 * Identity: the users of Cadre, signing in and its protection. Users live in the {@code identity} schema with
 * hashed passwords, their roles and what they are linked to (a member, an organization subtree, a coordinating
 * body). At sign-in a user becomes the platform's {@link org.cadre.platform.Caller}, the principal of a
 * {@link org.cadre.platform.CallerAuthentication}: no module parses authority strings. The filter chains are the
 * platform's; this module gives them the password check, its throttle and the sign-in page, and the check of the
 * personal {@link org.cadre.identity.AccessTokens access tokens} scripts call the API with.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity",
        allowedDependencies = {"platform", "platform :: security"})
package org.cadre.identity;
