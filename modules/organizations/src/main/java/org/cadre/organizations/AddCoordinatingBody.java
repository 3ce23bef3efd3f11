package org.cadre.organizations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** Command: a coordinating body and the organizations (with their subtrees) it may comment on. */
public record AddCoordinatingBody(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9._-]+") String code,
        @NotBlank @Size(max = 300) String name,
        @NotEmpty List<UUID> mayCommentOn) {
}
