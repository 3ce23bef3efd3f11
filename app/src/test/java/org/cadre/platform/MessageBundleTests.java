package org.cadre.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every text a user reads exists in Vietnamese and in English, in every module's bundles. */
@Execution(ExecutionMode.CONCURRENT)
class MessageBundleTests {

    /**
     * Every reason any module refuses with has its text in both languages: walks each enumeration that implements
     * {@link Refusal} and looks its key up in the Vietnamese and the English bundles of all modules.
     */
    @Test
    void everyRefusalOfEveryModuleHasAVietnameseAndAnEnglishText() throws IOException {
        Properties vietnamese = new Properties();
        Properties english = new Properties();
        for (Resource bundle : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
            String name = bundle.getFilename();
            (name != null && name.matches(".*_en\\.properties") ? english : vietnamese).putAll(load(bundle));
        }
        List<Class<?>> enumerations = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("org.cadre").stream()
                .filter(c -> c.isEnum() && c.isAssignableTo(Refusal.class)).map(JavaClass::reflect).toList();
        assertThat(enumerations).as("one refusal enumeration per module that refuses, and the platform's")
                .extracting(Class::getSimpleName)
                .contains("OrganizationRefusal", "RatingRulesRefusal", "PlatformRefusal");
        List<String> missing = new ArrayList<>();
        for (Class<?> enumeration : enumerations) {
            for (Object constant : enumeration.getEnumConstants()) {
                String key = ((Refusal) constant).messageKey();
                if (!vietnamese.containsKey(key)) {
                    missing.add(key + " (Vietnamese)");
                }
                if (!english.containsKey(key)) {
                    missing.add(key + " (English)");
                }
            }
        }
        assertThat(missing).isEmpty();
    }

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
