package org.cadre.ratingrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.OrganizationFacts;
import org.cadre.ratingrules.facts.SubjectFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every fact a rule can read has a name a member can read, in both languages: an explanation shows
 * "Số buổi sinh hoạt đã dự: 13", never "meetingsAttended = 13". A getter added to the facts without a label fails
 * here.
 */
@Execution(ExecutionMode.CONCURRENT)
class FactLabelTests {

    @ParameterizedTest
    @ValueSource(strings = {"i18n/ratingrules.properties", "i18n/ratingrules_en.properties"})
    void everyReadablePropertyOfTheFactsHasALabel(String bundle) throws Exception {
        Properties labels = load(bundle);
        TreeSet<String> missing = new TreeSet<>();
        for (String property : readable()) {
            String label = labels.getProperty("ratingrules.fact." + property);
            if (label == null || label.isBlank()) {
                missing.add(property);
            }
        }
        assertThat(missing).as("facts without a label in %s", bundle).isEmpty();
    }

    @Test
    void theFactsHaveTheirPropertiesToLabel() throws Exception {
        // guards the test above from passing on an introspection that finds nothing
        assertThat(readable()).contains("meetingsAttended", "attendanceRatio", "disciplinedViolations",
                "memberLevelCounts", "completionRatio", "scored").doesNotContain("class");
    }

    @Test
    void vietnameseLabelsAreVietnamese() throws Exception {
        Properties vi = load("i18n/ratingrules.properties");
        assertThat(vi.getProperty("ratingrules.fact.meetingsAttended")).isEqualTo("Số buổi sinh hoạt đã dự");
        assertThat(vi.getProperty("ratingrules.fact.commitmentItemsFulfilled"))
                .isEqualTo("Số nội dung cam kết đã hoàn thành");
        assertThat(vi.getProperty("ratingrules.fact.attendanceRatio")).isEqualTo("Tỷ lệ dự sinh hoạt");
    }

    private static TreeSet<String> readable() throws IntrospectionException {
        TreeSet<String> properties = new TreeSet<>();
        for (Class<?> type : List.of(MemberFacts.class, OrganizationFacts.class, SubjectFacts.class)) {
            for (PropertyDescriptor property : Introspector.getBeanInfo(type).getPropertyDescriptors()) {
                if (property.getReadMethod() != null && !property.getName().equals("class")) {
                    properties.add(property.getName());
                }
            }
        }
        return properties;
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = FactLabelTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        }
        return properties;
    }
}
