/**
 * Platform: what every module runs on but none owns. The embedded database default, per-module schema
 * migrations, the web shell (layout, navigation, language), and errors as RFC 9457 problem details.
 * Modules never reference these types: they contribute pages, navigation entries and message bundles by
 * classpath convention (see {@code docs/extending.md}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", allowedDependencies = {})
package org.cadre.platform;
