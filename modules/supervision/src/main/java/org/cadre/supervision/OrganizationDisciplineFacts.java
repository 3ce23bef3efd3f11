package org.cadre.supervision;

import java.util.List;
import org.cadre.organizations.OrganizationId;

/**
 * Per organization and year: its own disciplines, those of the members who held a role in it on the decision's
 * date, and its direct sub-organizations that were disciplined (each counted once).
 *
 * @param meetingsHeld     chapter meetings it held (regular and thematic)
 * @param meetingsRequired the meetings the frequencies required over the year's finished months
 */
public record OrganizationDisciplineFacts(OrganizationId organization, int year, List<DisciplineView> own,
        List<DisciplineView> leadership, int subordinateUnits, int subordinateUnitsDisciplined,
        int subordinateUnitsDisciplinedSelfDetected, int meetingsHeld, int meetingsRequired) {

    public boolean leadershipDisciplined() {
        return !leadership.isEmpty();
    }
}
