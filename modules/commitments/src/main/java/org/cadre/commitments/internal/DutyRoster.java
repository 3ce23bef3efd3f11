package org.cadre.commitments.internal;

import static org.cadre.commitments.internal.Batches.column;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cadre.commitments.StudyStatus;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberStatus;
import org.cadre.organizations.MemberSummary;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.ClusterLocks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who must study and register in each campaign: the members on the rolls of its subtree when it opens, kept current
 * by organizations' events. Every write is an upsert from the member as the organizations facade knows them now,
 * so a redelivered event changes nothing and events handled out of order converge. A change dated {@code on} affects
 * the campaigns of that year and later: an exemption in 2025 leaves 2017's list as it was.
 *
 * <p>Reading the member and writing the rows are not one atomic step, and the listeners run side by side: a handler
 * that read "active" could otherwise write it after another handler wrote "left", and the list would stay wrong. So a
 * refresh holds a lock on its member (the second handler reads after the first commits), and shares a lock on the
 * whole roster that a snapshot takes alone (a refresh waits for a campaign being opened, and sees its rows).
 */
@Service
@Transactional
class DutyRoster {

    private final JdbcClient jdbc;
    private final Members members;
    private final Subtrees subtrees;
    private final ClusterLocks locks;
    private final Clock clock;

    private static final String ROSTER_LOCK = "commitments.duty-roster";

    DutyRoster(JdbcClient jdbc, Members members, Subtrees subtrees, ClusterLocks locks, Clock clock) {
        this.jdbc = jdbc;
        this.members = members;
        this.subtrees = subtrees;
        this.locks = locks;
        this.clock = clock;
    }

    /**
     * Lists the members on the rolls of the subtree on the day the campaign opens, each with their status at the
     * end of the campaign's year or today, whichever comes first (as the events of that year would have set it);
     * a member on the rolls then who has left since is listed as left.
     */
    int snapshot(UUID campaign, OrganizationId root, LocalDate opensOn) {
        locks.lockUntilTransactionEnds(ROSTER_LOCK);
        LocalDate endOfYear = LocalDate.of(opensOn.getYear(), 12, 31);
        LocalDate today = LocalDate.now(clock);
        LocalDate statusOn = today.isBefore(endOfYear) ? today : endOfYear;
        java.util.Map<MemberId, MemberSummary> later = new java.util.HashMap<>();
        if (statusOn.isAfter(opensOn)) {
            members.list(root, true, statusOn).forEach(m -> later.put(m.id(), m));
        }
        List<Object[]> rows = new ArrayList<>();
        for (MemberSummary m : members.list(root, true, opensOn)) {
            MemberSummary then = statusOn.isAfter(opensOn) ? later.get(m.id()) : m;
            StudyStatus status = then == null ? StudyStatus.LEFT : status(then.status());
            rows.add(new Object[] {campaign, m.id().value(), (then == null ? m : then).organizationId().value(),
                    m.fullName(), m.cardNumber(), status.name()});
        }
        upsert(rows);
        return rows.size();
    }

    /**
     * After any change of a member dated in {@code fromYear}: their status and organization in the campaigns of
     * that year and later, a listing in those whose subtree they are now in, and their registers moved with them.
     */
    void refresh(MemberId member, int fromYear) {
        locks.lockSharedUntilTransactionEnds(ROSTER_LOCK);
        locks.lockUntilTransactionEnds("commitments.duty:" + member.value());
        MemberSummary now = members.find(member).orElse(null);
        if (now == null) {
            return;
        }
        StudyStatus status = status(now.status());
        List<UUID> roots = subtrees.upwards(now.organizationId()).stream().map(OrganizationId::value).toList();
        if (status != StudyStatus.LEFT) {
            List<UUID> campaigns = jdbc.sql("""
                    SELECT id FROM commitments.campaign WHERE year >= :year AND organization_id = ANY(:roots)
                    """).param("year", fromYear).param("roots", roots.toArray(UUID[]::new)).query(UUID.class).list();
            List<Object[]> rows = new ArrayList<>();
            campaigns.forEach(c -> rows.add(new Object[] {c, member.value(), now.organizationId().value(),
                    now.fullName(), now.cardNumber(), status.name()}));
            upsert(rows);
        }
        jdbc.sql("""
                UPDATE commitments.duty d SET status = :status, organization_id = :organization
                FROM commitments.campaign c
                WHERE c.id = d.campaign_id AND d.member_id = :member AND c.year >= :year
                  AND (d.status <> :status OR d.organization_id <> :organization)
                """).param("status", status.name()).param("organization", now.organizationId().value())
                .param("member", member.value()).param("year", fromYear).update();
        // the member keeps their register, which moves with them
        jdbc.sql("""
                UPDATE commitments.register SET organization_id = :organization
                WHERE member_id = :member AND year >= :year AND organization_id <> :organization
                """).param("organization", now.organizationId().value()).param("member", member.value())
                .param("year", fromYear).update();
    }

    /** After a bulk load of the tree: the campaigns of this year and later listed again from the facade. */
    void rebuildCurrent() {
        int year = LocalDate.now(clock).getYear();
        jdbc.sql("SELECT id, organization_id, opens_on FROM commitments.campaign WHERE year >= :year")
                .param("year", year)
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, LocalDate.class)})
                .list().forEach(c -> snapshot((UUID) c[0], new OrganizationId((UUID) c[1]),
                        LocalDate.now(clock).isBefore((LocalDate) c[2]) ? (LocalDate) c[2] : LocalDate.now(clock)));
    }

    static StudyStatus status(MemberStatus status) {
        return switch (status) {
            case ACTIVE -> StudyStatus.ACTIVE;
            case EXEMPT -> StudyStatus.EXEMPT;
            case SUSPENDED -> StudyStatus.SUSPENDED;
            case LEFT, REMOVED, DECEASED -> StudyStatus.LEFT;
        };
    }

    private void upsert(List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += 1000) {
            List<Object[]> batch = rows.subList(from, Math.min(rows.size(), from + 1000));
            jdbc.sql("""
                    INSERT INTO commitments.duty (campaign_id, member_id, organization_id, full_name, card_number,
                        status)
                    SELECT * FROM unnest(CAST(:campaigns AS UUID[]), CAST(:members AS UUID[]),
                        CAST(:organizations AS UUID[]), CAST(:names AS VARCHAR[]), CAST(:cards AS VARCHAR[]),
                        CAST(:statuses AS VARCHAR[]))
                    ON CONFLICT (campaign_id, member_id) DO UPDATE SET organization_id = excluded.organization_id,
                        full_name = excluded.full_name, card_number = excluded.card_number, status = excluded.status
                    """)
                    .param("campaigns", column(batch, 0, UUID[]::new)).param("members", column(batch, 1, UUID[]::new))
                    .param("organizations", column(batch, 2, UUID[]::new))
                    .param("names", column(batch, 3, String[]::new)).param("cards", column(batch, 4, String[]::new))
                    .param("statuses", column(batch, 5, String[]::new)).update();
        }
    }
}
