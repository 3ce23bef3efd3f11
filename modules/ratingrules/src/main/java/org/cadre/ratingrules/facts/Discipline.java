package org.cadre.ratingrules.facts;

import java.time.LocalDate;

/**
 * A disciplinary measure that took effect in the evaluation year.
 *
 * @param form                    the form of discipline, for example {@code KHIEN_TRACH}, {@code CANH_CAO},
 *                                {@code CACH_CHUC}, {@code KHAI_TRU} (regulations glossary)
 * @param violationId             the violation it punishes: several decisions for one violation count once
 * @param selfDetectedAndRemedied the subject found the violation and remedied it themselves
 */
public record Discipline(String form, LocalDate date, String violationId, boolean selfDetectedAndRemedied) {
}
