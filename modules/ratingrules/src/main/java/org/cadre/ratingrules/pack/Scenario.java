package org.cadre.ratingrules.pack;

import java.util.List;
import java.util.Map;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.OrganizationFacts;

/**
 * One scenario of a pack ({@code scenarios/*.yaml}): given facts, expected levels, reasons and quota cases.
 * {@code calibrationsDeclared} is true when the file has a {@code calibrations:} key: then the run must raise
 * exactly the listed cases, so {@code calibrations: []} proves that no quota is exceeded.
 */
public record Scenario(String file, String name, int year, Map<String, Object> parameters, List<MemberFacts> members,
        List<OrganizationFacts> organizations, List<Expectation> expectations, List<ExpectedCalibration> calibrations,
        boolean calibrationsDeclared) {

    /**
     * What must hold for one subject. Exactly one of {@code level}, {@code excluded} or {@code pending} is the
     * outcome; {@code cap} optionally checks the lowest limit.
     */
    public record Expectation(String subject, String level, boolean excluded, boolean pending, String cap,
            List<String> reasons, List<String> absentReasons) {

        public String outcome() {
            return excluded ? "excluded" : pending ? "pending" : level;
        }
    }

    /** A quota case the run must raise. */
    public record ExpectedCalibration(String quota, String group, int excess) {
    }
}
