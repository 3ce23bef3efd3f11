package org.cadre.commitments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;

/**
 * Command: a committee's commitment items, written once and cascaded to every member who must register in its
 * subtree: a draft register for those without one, the items added to drafts not yet sent.
 */
public record CascadeTemplate(@NotNull UUID campaignId, @NotNull UUID organizationId,
        @NotEmpty List<@Valid ItemDraft> items) {
}
