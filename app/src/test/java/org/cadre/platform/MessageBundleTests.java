package org.cadre.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every text a user reads exists in Vietnamese and in English, in every module's bundles. */
class MessageBundleTests {

    @Test
    void everyVietnameseKeyHasAnEnglishTextAndBack() throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        Resource[] vietnamese = resolver.getResources("classpath*:i18n/*.properties");
        List<String> problems = new ArrayList<>();
        int bundles = 0;
        for (Resource vi : vietnamese) {
            String name = vi.getFilename();
            if (name == null || name.matches(".*_[a-z]{2}\\.properties")) {
                continue;
            }
            bundles++;
            Resource en = vi.createRelative(name.replace(".properties", "_en.properties"));
            if (!en.exists()) {
                problems.add(name + " has no English bundle");
                continue;
            }
            Properties viTexts = load(vi);
            Properties enTexts = load(en);
            var missingEn = new TreeSet<>(viTexts.stringPropertyNames());
            missingEn.removeAll(enTexts.stringPropertyNames());
            var missingVi = new TreeSet<>(enTexts.stringPropertyNames());
            missingVi.removeAll(viTexts.stringPropertyNames());
            missingEn.forEach(k -> problems.add(name + ": '" + k + "' has no English text"));
            missingVi.forEach(k -> problems.add(name + ": '" + k + "' has no Vietnamese text"));
            viTexts.forEach((k, v) -> {
                if (v.toString().isBlank()) {
                    problems.add(name + ": '" + k + "' is empty");
                }
            });
        }
        assertThat(bundles).as("bundles found").isGreaterThanOrEqualTo(2);
        assertThat(problems).isEmpty();
    }

    private static Properties load(Resource resource) throws IOException {
        Properties properties = new Properties();
        try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
