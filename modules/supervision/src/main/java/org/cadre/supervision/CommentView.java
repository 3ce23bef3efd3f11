package org.cadre.supervision;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;

/** A coordinating body's comment. */
public record CommentView(UUID id, UUID body, String bodyName, UUID request, OrganizationId organization,
        String subjectName, MemberId member, int year, Stance stance, String text, LocalDate commentedOn) {
}
