/**
 * Identity: the users of Cadre, their roles and organization scope, signing in and its protection. Users live in
 * the {@code identity} schema with hashed passwords. Other modules learn who is calling from Spring Security's
 * {@code Authentication}: the roles as {@code ROLE_<ROLE>} authorities, the organization scope as
 * {@code ORG_SCOPE_<uuid>}, the linked member as {@code MEMBER_<uuid>} and a reviewer's coordinating body as
 * {@code BODY_SCOPE_<uuid>}: a convention of strings, so that the
 * modules, which cannot depend on the application, can enforce scope (see {@code docs/extending.md}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = {})
package org.cadre.identity;
