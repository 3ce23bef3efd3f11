package org.cadre.commitments;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;

/** A member's commitment register with its items, as pages and the API show it. */
public record RegisterView(UUID id, UUID campaign, UUID resolution, String resolutionNumber, MemberId member,
        String memberName, OrganizationId organization, int year, RegisterStatus status, String comment,
        LocalDate submittedOn, LocalDate decidedOn, String decidedBy, List<ItemView> items) {

    public boolean editable() {
        return status == RegisterStatus.DRAFT || status == RegisterStatus.RETURNED;
    }

    /** Progress weighted by the items' weights, 0 to 100. */
    public int progress() {
        int weights = items.stream().mapToInt(ItemView::weight).sum();
        return weights == 0 ? 0 : items.stream().mapToInt(i -> i.progress() * i.weight()).sum() / weights;
    }
}
