/**
 * Who may call what: the filter chains of pages and of the JSON API. A named interface for the one type a module
 * implements for them: {@link org.cadre.platform.security.BearerTokens}, how the API checks an access token (the
 * identity module's).
 */
@org.springframework.modulith.NamedInterface("security")
package org.cadre.platform.security;
