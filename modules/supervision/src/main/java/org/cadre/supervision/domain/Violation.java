package org.cadre.supervision.domain;

import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;

/**
 * What a subject violated. Several decisions may punish one violation (a chapter's and then a committee's): it
 * counts once. {@code isNew} is true for a violation first recorded with this decision.
 */
public record Violation(UUID id, MemberId member, OrganizationId organization, String description,
        boolean selfDetected, boolean remedied, boolean isNew) {

    public boolean of(Subject subject) {
        return subject.isMember() ? subject.member().equals(member)
                : member == null && subject.organization().equals(organization);
    }
}
