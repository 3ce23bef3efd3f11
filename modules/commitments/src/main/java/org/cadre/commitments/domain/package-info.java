/**
 * The commitments domain in plain Java: registers with their items, action programmes, study records and
 * campaigns. Each transition checks its rules, changes the object and returns the events it raises; a refused
 * transition throws {@link org.cadre.platform.Refused} and changes nothing.
 */
package org.cadre.commitments.domain;
