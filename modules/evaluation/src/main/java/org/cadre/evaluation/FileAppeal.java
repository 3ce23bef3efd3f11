package org.cadre.evaluation;

import java.util.UUID;

/**
 * An appeal to file. A member leaves {@code subject} empty (or gives their own id): who they are comes from the
 * signed-in caller, never from the request. An organization's secretary, or evaluation staff on its behalf, names the
 * organization.
 *
 * @param grounds        why the level is wrong (required, at most 4000 characters)
 * @param requestedLevel the level asked for, a code of the cycle's scale (optional)
 */
public record FileAppeal(UUID subject, String grounds, String requestedLevel) {
}
