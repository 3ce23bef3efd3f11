package org.cadre.evaluation.internal.facts;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rebuild's bulk forms of {@link FactsLedger}'s writes for the tree and the members' lives: the same rows and
 * the same conflict rules, a batch of rows per statement ({@code unnest} of arrays) instead of a statement per
 * row. A national tree (5.6 million members, three rows each) written row by row took hours; in batches it takes
 * minutes. The listeners keep the single-row forms: an event is one row.
 */
@Component
class FactsLedgerBatches {

    /** The size the rebuild gathers before it writes. */
    static final int SIZE = 5_000;

    private final JdbcClient jdbc;

    FactsLedgerBatches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An organization as the facade lists it now. */
    record Organization(UUID id, UUID parent, String code, String name, String kind, LocalDate establishedOn,
            LocalDate dissolvedOn) {
    }

    /** A member's admission as the facade lists it now, with the status they have and since when. */
    record Admission(UUID member, UUID organization, String cardNumber, String fullName, LocalDate admittedOn,
            LocalDate confirmedOn, boolean civilServant, String status, LocalDate statusSince) {
    }

    /** A role with its start and end known together. */
    record Role(UUID assignment, UUID organization, UUID member, String role, LocalDate from, LocalDate until) {
    }

    /** {@link FactsLedger#organizationRegistered}, and {@link FactsLedger#organizationDissolved} for a dissolved one. */
    void organizations(List<Organization> batch) {
        if (batch.isEmpty()) {
            return;
        }
        UUID[] ids = uuids(batch, Organization::id);
        String[] established = dates(batch, Organization::establishedOn);
        jdbc.sql("""
                INSERT INTO evaluation.fact_organization (organization_id, code, kind, established_on)
                SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:codes AS text[]), CAST(:kinds AS text[]),
                    CAST(:established AS date[]))
                ON CONFLICT (organization_id) DO UPDATE SET code = excluded.code, kind = excluded.kind,
                    established_on = excluded.established_on
                """).param("ids", ids).param("codes", texts(batch, Organization::code))
                .param("kinds", texts(batch, Organization::kind)).param("established", established).update();
        jdbc.sql("""
                INSERT INTO evaluation.fact_organization_parent (organization_id, valid_from, parent_id)
                SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:established AS date[]), CAST(:parents AS uuid[]))
                ON CONFLICT DO NOTHING
                """).param("ids", ids).param("established", established)
                .param("parents", uuids(batch, Organization::parent)).update();
        jdbc.sql("""
                INSERT INTO evaluation.fact_organization_name (organization_id, valid_from, name)
                SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:established AS date[]), CAST(:names AS text[]))
                ON CONFLICT DO NOTHING
                """).param("ids", ids).param("established", established)
                .param("names", texts(batch, Organization::name)).update();
        List<Organization> dissolved = batch.stream().filter(o -> o.dissolvedOn() != null).toList();
        if (!dissolved.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO evaluation.fact_organization (organization_id, dissolved_on)
                    SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:on AS date[]))
                    ON CONFLICT (organization_id) DO UPDATE SET dissolved_on = excluded.dissolved_on
                    """).param("ids", uuids(dissolved, Organization::id))
                    .param("on", dates(dissolved, Organization::dissolvedOn)).update();
        }
    }

    /**
     * The admissions of the members the ledger does not know yet (no admission date), with their status when it is
     * not the admission's; a known member is left alone: the dated history its events brought is not overwritten.
     * Returns how many were written.
     */
    int admitUnknown(List<Admission> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        Set<UUID> known = new HashSet<>(jdbc.sql("""
                SELECT member_id FROM evaluation.fact_member
                WHERE member_id = ANY(:ids) AND admitted_on IS NOT NULL
                """).param("ids", uuids(batch, Admission::member)).query(UUID.class).list());
        List<Admission> unknown = batch.stream().filter(a -> !known.contains(a.member())).toList();
        if (unknown.isEmpty()) {
            return 0;
        }
        UUID[] ids = uuids(unknown, Admission::member);
        String[] admitted = dates(unknown, Admission::admittedOn);
        boolean[] civil = new boolean[unknown.size()];
        for (int i = 0; i < civil.length; i++) {
            civil[i] = unknown.get(i).civilServant();
        }
        jdbc.sql("""
                INSERT INTO evaluation.fact_member (member_id, card_number, full_name, admitted_on, confirmed_on,
                    civil_servant)
                SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:cards AS text[]), CAST(:names AS text[]),
                    CAST(:admitted AS date[]), CAST(:confirmed AS date[]), CAST(:civil AS boolean[]))
                ON CONFLICT (member_id) DO UPDATE SET card_number = excluded.card_number,
                    admitted_on = excluded.admitted_on,
                    confirmed_on = COALESCE(fact_member.confirmed_on, excluded.confirmed_on),
                    full_name = CASE WHEN fact_member.details_at IS NULL THEN excluded.full_name
                        ELSE fact_member.full_name END,
                    civil_servant = CASE WHEN fact_member.details_at IS NULL THEN excluded.civil_servant
                        ELSE fact_member.civil_servant END
                """).param("ids", ids).param("cards", texts(unknown, Admission::cardNumber))
                .param("names", texts(unknown, Admission::fullName)).param("admitted", admitted)
                .param("confirmed", dates(unknown, Admission::confirmedOn)).param("civil", civil).update();
        jdbc.sql("""
                INSERT INTO evaluation.fact_membership (member_id, valid_from, organization_id, admission)
                SELECT u.*, TRUE FROM unnest(CAST(:ids AS uuid[]), CAST(:admitted AS date[]),
                    CAST(:organizations AS uuid[])) AS u
                ON CONFLICT (member_id, valid_from, organization_id) DO UPDATE SET admission = TRUE
                """).param("ids", ids).param("admitted", admitted)
                .param("organizations", uuids(unknown, Admission::organization)).update();
        jdbc.sql("""
                INSERT INTO evaluation.fact_status (member_id, valid_from, status, admission)
                SELECT u.*, 'ACTIVE', TRUE FROM unnest(CAST(:ids AS uuid[]), CAST(:admitted AS date[])) AS u
                ON CONFLICT (member_id, valid_from, status) DO UPDATE SET admission = TRUE
                """).param("ids", ids).param("admitted", admitted).update();
        List<Admission> changed = unknown.stream()
                .filter(a -> !"ACTIVE".equals(a.status()) && a.statusSince() != null).toList();
        if (!changed.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO evaluation.fact_status (member_id, valid_from, status)
                    SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:on AS date[]), CAST(:statuses AS text[]))
                    ON CONFLICT DO NOTHING
                    """).param("ids", uuids(changed, Admission::member))
                    .param("on", dates(changed, Admission::statusSince))
                    .param("statuses", texts(changed, Admission::status)).update();
        }
        return unknown.size();
    }

    /** {@link FactsLedger#role} for a batch. */
    void roles(List<Role> batch) {
        if (batch.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO evaluation.fact_role (assignment_id, organization_id, member_id, role, valid_from,
                    valid_to)
                SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:organizations AS uuid[]), CAST(:members AS uuid[]),
                    CAST(:roles AS text[]), CAST(:from AS date[]), CAST(:until AS date[]))
                ON CONFLICT (assignment_id) DO UPDATE SET valid_from = excluded.valid_from,
                    valid_to = COALESCE(excluded.valid_to, fact_role.valid_to)
                """).param("ids", uuids(batch, Role::assignment))
                .param("organizations", uuids(batch, Role::organization))
                .param("members", uuids(batch, Role::member)).param("roles", texts(batch, Role::role))
                .param("from", dates(batch, Role::from)).param("until", dates(batch, Role::until)).update();
    }

    private static <T> UUID[] uuids(List<T> rows, Function<T, UUID> value) {
        UUID[] out = new UUID[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = value.apply(rows.get(i));
        }
        return out;
    }

    private static <T> String[] texts(List<T> rows, Function<T, String> value) {
        String[] out = new String[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = value.apply(rows.get(i));
        }
        return out;
    }

    /** Dates travel as ISO text and are cast in the statement (the driver has no array type for LocalDate). */
    private static <T> String[] dates(List<T> rows, Function<T, LocalDate> value) {
        String[] out = new String[rows.size()];
        for (int i = 0; i < out.length; i++) {
            LocalDate day = value.apply(rows.get(i));
            out[i] = day == null ? null : day.toString();
        }
        return out;
    }
}
