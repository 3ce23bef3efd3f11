/**
 * Demo data: on the first start with an empty tree, generates the agencies bloc of the source article (74
 * grassroots organizations, about 250 chapters, 3,600 members) deterministically from a seed, and one demo login
 * per role. The same generator writes province and national sizes for the benchmarks, streaming through the
 * organizations module's COPY bulk load. See {@code docs/organizations.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data",
        allowedDependencies = {"platform", "organizations", "identity"})
package org.cadre.demo;
