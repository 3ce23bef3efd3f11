package org.cadre.commitments;

import jakarta.validation.constraints.Size;

/** Command: the secretary sends a register back with comments (required). */
public record ReturnRegister(@Size(max = 1000) String comment) {
}
