/**
 * The rules of the supervision module as plain Java, with no framework: a meeting and its attendance ({@link
 * org.cadre.supervision.domain.Meeting}), the meeting calendar's figures ({@link
 * org.cadre.supervision.domain.MeetingCalendar}), a disciplinary decision ({@link
 * org.cadre.supervision.domain.Discipline}) and a reminder ({@link org.cadre.supervision.domain.Reminder}). Each
 * transition checks its rules, changes the object and returns the event it raises; a refusal is a {@link
 * org.cadre.platform.Refused} with a {@link org.cadre.supervision.SupervisionRefusal} and changes nothing.
 */
package org.cadre.supervision.domain;
