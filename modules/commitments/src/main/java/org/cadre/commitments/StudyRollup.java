package org.cadre.commitments;

import org.cadre.organizations.OrganizationId;

/**
 * Study and registers of one organization (with its subtree) in a campaign. Only members who must study (active)
 * are counted; exempt, suspended and departed members are listed apart.
 *
 * @param registers registers per {@link RegisterStatus}, in the enumeration's order; members without one are
 *                  {@code mustStudy - sum}
 */
public record StudyRollup(OrganizationId organization, String name, int mustStudy, int studied, int notCounted,
        int[] registers) {

    /** Share that completed, 0 to 1; 1 when nobody must study. */
    public double rate() {
        return mustStudy == 0 ? 1.0 : (double) studied / mustStudy;
    }

    public int percent() {
        return (int) Math.floor(rate() * 100);
    }

    public int registered() {
        int sum = 0;
        for (int r : registers) {
            sum += r;
        }
        return sum;
    }

    public int withoutRegister() {
        return Math.max(0, mustStudy - registered());
    }

    /** Registers approved, of members who must register. */
    public int approved() {
        return count(RegisterStatus.APPROVED);
    }

    public int count(RegisterStatus status) {
        return registers[status.ordinal()];
    }

    /** Percent of the members who must register whose register is in {@code status} (for the bars). */
    public int share(RegisterStatus status) {
        return mustStudy == 0 ? 0 : Math.min(100, registers[status.ordinal()] * 100 / mustStudy);
    }
}
