/**
 * Supervision: chapter meetings and attendance, reminders, inspections and supervisions with their findings,
 * discipline, and comments from coordinating bodies.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supervision", allowedDependencies = {"platform", "organizations", "commitments"})
package org.cadre.supervision;
