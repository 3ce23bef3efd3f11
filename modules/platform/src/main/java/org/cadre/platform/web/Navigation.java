package org.cadre.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.cadre.platform.Caller;
import org.cadre.platform.Role;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The navigation of the shell, gathered once at start-up from every module's
 * {@code cadre/navigation/*.properties}: modules add pages without a compile-time dependency on the shell.
 */
@Component
public class Navigation {

    private final List<NavigationEntry> entries;

    Navigation() {
        this.entries = load();
    }

    public List<NavigationEntry> entries() {
        return entries;
    }

    /** The entries the caller may see, in order. */
    public List<NavigationEntry> visibleTo(Caller caller) {
        if (caller.isAnonymous()) {
            return List.of();
        }
        return entries.stream().filter(e -> e.roles().isEmpty() || caller.hasAny(e.roles())).toList();
    }

    private static List<NavigationEntry> load() {
        try {
            var result = new ArrayList<NavigationEntry>();
            Resource[] files = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:cadre/navigation/*.properties");
            for (Resource file : files) {
                Properties properties = new Properties();
                try (InputStream in = file.getInputStream()) {
                    properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
                for (String id : StringUtils.commaDelimitedListToStringArray(properties.getProperty("entries", ""))) {
                    result.add(entry(file, properties, id.trim()));
                }
            }
            result.sort(Comparator.comparingInt(NavigationEntry::order).thenComparing(NavigationEntry::id));
            return List.copyOf(result);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the navigation entries of the modules", e);
        }
    }

    private static NavigationEntry entry(Resource file, Properties properties, String id) {
        String path = properties.getProperty(id + ".path");
        String label = properties.getProperty(id + ".label");
        if (!StringUtils.hasText(path) || !StringUtils.hasText(label)) {
            throw new IllegalStateException("Navigation entry '" + id + "' in " + file.getDescription()
                    + " needs both " + id + ".path and " + id + ".label");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : StringUtils.commaDelimitedListToStringArray(properties.getProperty(id + ".roles", ""))) {
            if (!role.isBlank()) {
                try {
                    roles.add(Role.valueOf(role.trim()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("Navigation entry '" + id + "' in " + file.getDescription()
                            + " names an unknown role '" + role.trim() + "'", e);
                }
            }
        }
        int order = Integer.parseInt(properties.getProperty(id + ".order", "100").trim());
        return new NavigationEntry(id, path, label, Set.copyOf(roles), order);
    }
}
