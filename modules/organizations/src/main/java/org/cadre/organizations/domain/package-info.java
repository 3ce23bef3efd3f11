/**
 * The rules of the organizations module as plain Java, with no framework: the member lifecycle ({@link
 * org.cadre.organizations.domain.Member}) and the changes of the tree ({@link
 * org.cadre.organizations.domain.Organization}). Each transition checks its rules, changes the object and returns
 * the events it raises; a refusal is a {@link org.cadre.platform.Refused} with an {@link
 * org.cadre.organizations.OrganizationRefusal}. The services load the slice of state a transition needs, apply it,
 * write and publish; the import planner calls the same transitions to check its rows. This is the pattern the other
 * modules copy (docs/extending.md).
 */
package org.cadre.organizations.domain;
