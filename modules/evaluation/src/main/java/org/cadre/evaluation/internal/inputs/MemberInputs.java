package org.cadre.evaluation.internal.inputs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * What has been entered for one member in a cycle; {@code null} where nothing has.
 *
 * @param civilServiceSource {@code IMPORT} or {@code ENTRY}
 * @param criteria           by criterion id (score groups included)
 */
public record MemberInputs(UUID member, String cardNumber, String fullName, UUID organization,
        String civilServiceRating, String civilServiceSource, BigDecimal sickLeaveMonths, String residenceStance,
        String residenceText, LocalDate residenceReceivedOn, Map<String, CriterionValue> criteria) {

    public MemberInputs {
        criteria = Map.copyOf(criteria);
    }
}
