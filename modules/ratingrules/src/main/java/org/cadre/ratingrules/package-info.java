/**
 * Rating rules: the host of rule packs, the Drools rules and parameters that committees edit without touching
 * code. It loads, validates, tests, versions, activates and explains them. It depends on no other module: rules
 * see only the documented fact types of this module's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rating rules", allowedDependencies = "platform")
package org.cadre.ratingrules;
