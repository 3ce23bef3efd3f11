package org.cadre.platform.web;

import java.util.Set;
import org.cadre.platform.Role;

/**
 * One link in the shell's navigation, contributed by a module in {@code cadre/navigation/<module>.properties}.
 *
 * @param label a message key, so the link reads in the user's language
 * @param roles the roles that see it (any of them); empty means every signed-in user
 */
public record NavigationEntry(String id, String path, String label, Set<Role> roles, int order) {
}
