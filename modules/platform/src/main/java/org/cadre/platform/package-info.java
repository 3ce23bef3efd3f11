/**
 * Platform: the shared kernel every module runs on and may depend on. Its API, in this package: the {@link
 * org.cadre.platform.Caller} and its {@link org.cadre.platform.Role roles}, the {@link org.cadre.platform.Refusal}
 * and {@link org.cadre.platform.Refused} pattern of refusals, background {@link org.cadre.platform.Jobs} and the
 * page-form annotation {@link org.cadre.platform.PageForm}. Behind it: the embedded database default and the
 * per-module schema migrations (auto-configurations any bootstrap picks up), the clock, the web shell (layout,
 * navigation, language), message bundles, and errors as RFC 9457 problem details. Modules contribute pages,
 * navigation entries and message bundles by classpath convention (see {@code docs/extending.md}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", allowedDependencies = {})
package org.cadre.platform;
