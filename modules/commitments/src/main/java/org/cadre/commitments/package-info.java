/**
 * Commitments: resolutions, study sessions, commitment registers of members, action programmes of organizations
 * (co-signed by the committee and the agency head) and regulation reviews.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Commitments", allowedDependencies = {"platform", "organizations"})
package org.cadre.commitments;
