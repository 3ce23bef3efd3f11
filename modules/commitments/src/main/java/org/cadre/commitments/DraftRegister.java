package org.cadre.commitments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;

/** Command: a member's commitment register for a campaign (resolution and year), with its first items. */
public record DraftRegister(@NotNull UUID campaignId, @NotNull UUID memberId, @NotNull List<@Valid ItemDraft> items) {
}
