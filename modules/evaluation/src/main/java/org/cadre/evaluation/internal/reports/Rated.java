package org.cadre.evaluation.internal.reports;

import java.util.UUID;

/**
 * One stored rating as the reports read it: the light columns only (the JSON explanation is read for the subjects
 * at the lowest level alone, where the statutory table needs their reasons).
 *
 * @param organization the member's chapter, or the organization's parent, when the run recorded it
 */
record Rated(String subject, UUID id, UUID organization, UUID grassroots, String level, boolean excluded,
        boolean pending) {

    static final String MEMBER = "MEMBER";
    static final String ORGANIZATION = "ORGANIZATION";

    boolean isMember() {
        return MEMBER.equals(subject);
    }
}
