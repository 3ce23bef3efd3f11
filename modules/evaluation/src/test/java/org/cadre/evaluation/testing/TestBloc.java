package org.cadre.evaluation.testing;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.cadre.evaluation.CycleView;
import org.cadre.evaluation.Cycles;
import org.cadre.evaluation.OpenCycle;
import org.cadre.organizations.AdmitMember;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationKind;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.RegisterOrganization;
import org.cadre.organizations.Sex;
import org.cadre.platform.Caller;
import org.cadre.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A bloc of a test's own (its codes start with a random prefix, so it stays apart from other tests' data): a
 * grassroots committee with chapters A (An, Bình) and B (Cường), and a grassroots chapter (Dung), all members admitted
 * long before the years the tests rate. The fixtures of runs and what-if extend it with their packs.
 */
public class TestBloc {

    public final String prefix;
    public final OrganizationId bloc;
    public final OrganizationId committee;
    public final OrganizationId chapterA;
    public final OrganizationId chapterB;
    public final OrganizationId grassrootsChapter;
    public final MemberId an;
    public final MemberId binh;
    public final MemberId cuong;
    public final MemberId dung;
    private int cards;

    protected TestBloc(Organizations organizations, Members members, String letter) {
        prefix = letter + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        LocalDate established = LocalDate.of(1995, 1, 10);
        bloc = organizations.register(new RegisterOrganization(prefix, "Đảng bộ Khối " + prefix,
                OrganizationKind.BLOC_COMMITTEE, null, established));
        committee = organizations.register(new RegisterOrganization(prefix + "-1", "Đảng bộ Sở " + prefix,
                OrganizationKind.GRASSROOTS_COMMITTEE, bloc.value(), established));
        chapterA = organizations.register(new RegisterOrganization(prefix + "-1A", "Chi bộ A " + prefix,
                OrganizationKind.CHAPTER, committee.value(), established));
        chapterB = organizations.register(new RegisterOrganization(prefix + "-1B", "Chi bộ B " + prefix,
                OrganizationKind.CHAPTER, committee.value(), established));
        grassrootsChapter = organizations.register(new RegisterOrganization(prefix + "-2", "Chi bộ Ban " + prefix,
                OrganizationKind.GRASSROOTS_CHAPTER, bloc.value(), established));
        an = admit(members, chapterA, "Nguyễn", "Văn", "An");
        binh = admit(members, chapterA, "Trần", "Thị", "Bình");
        cuong = admit(members, chapterB, "Lê", "Đức", "Cường");
        dung = admit(members, grassrootsChapter, "Phạm", "Thị", "Dung");
    }

    private MemberId admit(Members members, OrganizationId organization, String family, String middle,
            String given) {
        return admit(members, prefix + "-" + (++cards), organization, family, middle, given,
                LocalDate.of(1970, 4, 12), Sex.FEMALE);
    }

    /** Admits a further member of the bloc, long before the years the tests rate. */
    protected final MemberId admit(Members members, String card, OrganizationId organization, String family,
            String middle, String given, LocalDate born, Sex sex) {
        return members.admit(new AdmitMember(card, family, middle, given, born, sex, null, organization.value(),
                LocalDate.of(1998, 5, 19), LocalDate.of(1999, 5, 19), true, "Chuyên viên"));
    }

    /** Waits until evaluation's projection holds the bloc's four members and five organizations (events are async). */
    public void awaitProjection(JdbcClient jdbc) {
        awaitProjection(jdbc, 4);
    }

    /** Waits until evaluation's projection holds {@code members} members and the five organizations of the bloc. */
    protected final void awaitProjection(JdbcClient jdbc, int members) {
        EvaluationTesting.await(() -> jdbc.sql("""
                SELECT count(*) FROM evaluation.member_projection WHERE card_number LIKE :prefix
                """).param("prefix", prefix + "-%").query(Integer.class).single() == members
                && jdbc.sql("SELECT count(*) FROM evaluation.organization_projection WHERE code LIKE :prefix")
                        .param("prefix", prefix + "%").query(Integer.class).single() == 5, Duration.ofSeconds(20));
    }

    /** Waits for the projection, opens the bloc's cycle of the year and runs it; the cycle once the run ended. */
    public CycleView openAndRun(Cycles cycles, JdbcClient jdbc, int year, Caller evaluator) {
        awaitProjection(jdbc);
        UUID cycle = cycles.open(new OpenCycle(year, bloc.value()), evaluator).id();
        return EvaluationTesting.runAndWait(cycles, cycle, evaluator);
    }

    /** The secretary of an organization of this bloc (their subtree). */
    public Caller secretaryOf(OrganizationId organization) {
        return new Caller("sec-" + prefix, Set.of(Role.SECRETARY), null, organization.value(), null);
    }

    /** A member signed in as themselves. */
    public Caller member(MemberId member) {
        return new Caller("m-" + member.value(), Set.of(Role.MEMBER), member.value(), null, null);
    }
}
