package org.cadre.evaluation.internal.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.cadre.evaluation.internal.reports.Report.Decided;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the reports show of the decisions of the competent level: each list of the report's subtree with where it
 * stands and how many of its levels depart from the proposal, and each departure with the level decided and the
 * reason. Read from the decision tables, whichever run the lists were made from.
 */
@Component
class ReportDecisions {

    private final JdbcClient jdbc;

    ReportDecisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param listInside     whether a grassroots organization's lists belong in the report
     * @param subjectInside  whether a subject (member or organization) lies in the report's subtree
     */
    Decided read(UUID cycle, Predicate<UUID> listInside, Predicate<UUID> subjectInside) {
        List<Decided.DecidedList> lists = new ArrayList<>();
        jdbc.sql("""
                SELECT d.decision_id, d.organization_id, o.code, o.name, d.kind, d.status, d.number,
                       count(i.subject_id) AS subjects,
                       count(i.subject_id) FILTER (WHERE i.level IS DISTINCT FROM i.proposed_level) AS departures
                FROM evaluation.decision d
                LEFT JOIN evaluation.decision_item i ON i.decision_id = d.decision_id
                LEFT JOIN evaluation.organization_projection o ON o.organization_id = d.organization_id
                WHERE d.cycle_id = :cycle
                GROUP BY d.decision_id, o.code, o.name
                ORDER BY o.code, d.kind""").param("cycle", cycle).query(rs -> {
                    UUID organization = rs.getObject("organization_id", UUID.class);
                    if (listInside.test(organization)) {
                        lists.add(new Decided.DecidedList(rs.getObject("decision_id", UUID.class), organization,
                                rs.getString("name"), rs.getString("kind"), rs.getString("status"),
                                rs.getString("number"), rs.getInt("subjects"), rs.getInt("departures")));
                    }
                });
        List<Decided.Departure> departures = new ArrayList<>();
        jdbc.sql("""
                SELECT i.subject, i.subject_id, coalesce(m.full_name, o.name) AS name, w.name AS where_name,
                       i.proposed_level, i.level, i.reason, d.organization_id
                FROM evaluation.decision d
                JOIN evaluation.decision_item i ON i.decision_id = d.decision_id
                LEFT JOIN evaluation.member_projection m ON m.member_id = i.subject_id
                LEFT JOIN evaluation.organization_projection o ON o.organization_id = i.subject_id
                LEFT JOIN evaluation.organization_projection w ON w.organization_id = coalesce(m.organization_id,
                       o.parent_id)
                WHERE d.cycle_id = :cycle AND i.level IS DISTINCT FROM i.proposed_level
                ORDER BY w.name, name""").param("cycle", cycle).query(rs -> {
                    UUID subject = rs.getObject("subject_id", UUID.class);
                    if (listInside.test(rs.getObject("organization_id", UUID.class)) && subjectInside.test(subject)) {
                        departures.add(new Decided.Departure(rs.getString("subject"), subject, rs.getString("name"),
                                rs.getString("where_name"), rs.getString("proposed_level"), rs.getString("level"),
                                rs.getString("reason")));
                    }
                });
        return new Decided(lists, departures);
    }
}
