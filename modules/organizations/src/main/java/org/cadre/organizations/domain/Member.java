package org.cadre.organizations.domain;

import static org.cadre.organizations.OrganizationRefusal.ADMITTED_TOO_YOUNG;
import static org.cadre.organizations.OrganizationRefusal.CANCEL_NOT_YOURS;
import static org.cadre.organizations.OrganizationRefusal.CANCEL_ROLES_SINCE;
import static org.cadre.organizations.OrganizationRefusal.DECISION_REQUIRED;
import static org.cadre.organizations.OrganizationRefusal.NOTHING_TO_CANCEL;
import static org.cadre.organizations.OrganizationRefusal.REASON_REQUIRED;
import static org.cadre.organizations.OrganizationRefusal.BORN_TOO_LATE_FOR_ADMISSION;
import static org.cadre.organizations.OrganizationRefusal.CONFIRMATION_BEFORE_ADMISSION;
import static org.cadre.organizations.OrganizationRefusal.CONFIRMED_BEFORE_ADMITTED;
import static org.cadre.organizations.OrganizationRefusal.DATE_BEFORE_CURRENT;
import static org.cadre.organizations.OrganizationRefusal.DATE_BEFORE_PERIOD;
import static org.cadre.organizations.OrganizationRefusal.HOLDS_NO_MEMBERS;
import static org.cadre.organizations.OrganizationRefusal.MEMBER_CONFIRMED;
import static org.cadre.organizations.OrganizationRefusal.MEMBER_NOT_ON_ROLLS;
import static org.cadre.organizations.OrganizationRefusal.STATUS_INVALID;
import static org.cadre.organizations.OrganizationRefusal.STATUS_UNCHANGED;
import static org.cadre.organizations.OrganizationRefusal.TARGET_DISSOLVED;
import static org.cadre.organizations.OrganizationRefusal.TRANSFER_SAME;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cadre.organizations.AdmitMember;
import org.cadre.organizations.CorrectMember;
import org.cadre.organizations.MemberAdmitted;
import org.cadre.organizations.MemberChange;
import org.cadre.organizations.MemberConfirmed;
import org.cadre.organizations.MemberDetailsCorrected;
import org.cadre.organizations.MemberExempted;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberLeft;
import org.cadre.organizations.MemberReinstated;
import org.cadre.organizations.MemberStatusChangeCancelled;
import org.cadre.organizations.MemberTransferCancelled;
import org.cadre.organizations.MemberStatus;
import org.cadre.organizations.MemberSuspended;
import org.cadre.organizations.MemberTransferred;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.platform.Refused;
import org.jmolecules.event.types.DomainEvent;

/**
 * A party member and the part of their history a change needs: where they are now and since when, their status
 * since when, and the roles they hold. The lifecycle (admit, confirm, correct, transfer, exempt, suspend,
 * reinstate, end) is a set of transitions: each checks its rules, changes this object and returns the events it
 * raises, for the service to write and publish in one transaction. A refused transition changes nothing.
 */
public final class Member {

    /** Điều lệ Đảng, Điều 1: a Vietnamese citizen may be admitted from the age of eighteen. */
    public static final int MINIMUM_ADMISSION_AGE = 18;

    private final MemberId id;
    private final String cardNumber;
    private final LocalDate admittedOn;
    private Person person;
    private LocalDate confirmedOn;
    private OrganizationId organization;
    private MemberStatus status;
    private LocalDate membershipSince;
    private LocalDate statusSince;
    private final List<HeldRole> roles;

    private Member(MemberId id, String cardNumber, Person person, LocalDate admittedOn, LocalDate confirmedOn,
            OrganizationId organization, MemberStatus status, LocalDate membershipSince, LocalDate statusSince,
            List<HeldRole> roles) {
        this.id = id;
        this.cardNumber = cardNumber;
        this.person = person;
        this.admittedOn = admittedOn;
        this.confirmedOn = confirmedOn;
        this.organization = organization;
        this.status = status;
        this.membershipSince = membershipSince;
        this.statusSince = statusSince;
        this.roles = new ArrayList<>(roles);
    }

    /**
     * A member as stored, with the slice of history a change needs.
     *
     * @param membershipSince the start of the open membership period ({@code null} when off the rolls)
     * @param statusSince     the start of the open status period
     * @param roles           the roles held now
     */
    public static Member restore(MemberId id, String cardNumber, Person person, LocalDate admittedOn,
            LocalDate confirmedOn, OrganizationId organization, MemberStatus status, LocalDate membershipSince,
            LocalDate statusSince, List<HeldRole> roles) {
        return new Member(id, cardNumber, person, admittedOn, confirmedOn, organization, status, membershipSince,
                statusSince, roles);
    }

    /** A new member and the event of their admission. */
    public record Admission(Member member, MemberAdmitted event) {
    }

    /**
     * Admits a member into a chapter (or records one admitted earlier): a live organization that holds members,
     * admitted at {@value #MINIMUM_ADMISSION_AGE} or older, confirmed (if so) on or after admission. Whether the
     * card number is free is the caller's question: it needs every other member.
     */
    public static Admission admit(AdmitMember command, OrganizationSummary into) {
        List<Refused> broken = checkAdmission(command, into);
        if (!broken.isEmpty()) {
            throw broken.get(0);
        }
        String card = command.cardNumber().trim();
        Person person = new Person(command.familyName(), command.middleName(), command.givenName(),
                command.bornOn(), command.sex(), command.nationalId(), command.civilServant(), command.position());
        Member member = new Member(new MemberId(UUID.randomUUID()), card, person, command.admittedOn(),
                command.confirmedOn(), into.id(), MemberStatus.ACTIVE, command.admittedOn(), command.admittedOn(),
                List.of());
        return new Admission(member, new MemberAdmitted(member.id, into.id(), card, person.fullName(),
                person.bornOn(), person.sex(), command.admittedOn(), command.confirmedOn(), person.civilServant()));
    }

    /**
     * Every rule of an admission the command breaks, in the order {@link #admit} checks them: the import reports
     * them all for a row, the pages and the API the first.
     */
    public static List<Refused> checkAdmission(AdmitMember command, OrganizationSummary into) {
        String card = command.cardNumber().trim();
        List<Refused> broken = new ArrayList<>();
        if (into.dissolved()) {
            broken.add(new Refused(TARGET_DISSOLVED, into.name()));
        } else if (!into.kind().holdsMembers()) {
            broken.add(new Refused(HOLDS_NO_MEMBERS, into.name()));
        }
        if (command.confirmedOn() != null && command.confirmedOn().isBefore(command.admittedOn())) {
            broken.add(new Refused(CONFIRMED_BEFORE_ADMITTED, card));
        }
        if (command.admittedOn().isBefore(command.bornOn().plusYears(MINIMUM_ADMISSION_AGE))) {
            broken.add(new Refused(ADMITTED_TOO_YOUNG, card));
        }
        return broken;
    }

    /** Probationary to full member. */
    public MemberConfirmed confirm(LocalDate on) {
        if (confirmedOn != null) {
            throw new Refused(MEMBER_CONFIRMED, cardNumber);
        }
        requireOnRolls();
        if (on.isBefore(admittedOn)) {
            throw new Refused(CONFIRMATION_BEFORE_ADMISSION, cardNumber);
        }
        confirmedOn = on;
        return new MemberConfirmed(id, organization, on);
    }

    /** Corrects personal data; the card number, the dates in the party and the organization stay. */
    public MemberDetailsCorrected correct(CorrectMember command) {
        if (admittedOn.isBefore(command.bornOn().plusYears(MINIMUM_ADMISSION_AGE))) {
            throw new Refused(BORN_TOO_LATE_FOR_ADMISSION, cardNumber);
        }
        person = new Person(command.familyName(), command.middleName(), command.givenName(), command.bornOn(),
                command.sex(), command.nationalId(), command.civilServant(), command.position());
        return new MemberDetailsCorrected(id, person.fullName(), person.bornOn(), person.sex(), person.civilServant(),
                person.position());
    }

    /**
     * Moves the member's activities to another chapter from a date; the roles they hold belong to the organization
     * they leave and end that day.
     */
    public List<DomainEvent> transfer(OrganizationSummary to, LocalDate on) {
        requireOnRolls();
        requireHoldsMembers(to);
        if (to.id().equals(organization)) {
            throw new Refused(TRANSFER_SAME, to.name());
        }
        requireAfter(membershipSince, on);
        requireNotBeforeRoles(on);
        List<DomainEvent> raised = new ArrayList<>();
        raised.add(new MemberTransferred(id, organization, to.id(), on));
        raised.addAll(endRoles(on));
        organization = to.id();
        membershipSince = on;
        return raised;
    }

    public MemberExempted exempt(LocalDate on, String reason) {
        changeStatus(MemberStatus.EXEMPT, on);
        return new MemberExempted(id, organization, on, reason);
    }

    /** A disciplinary measure: it takes the reason and the number of the decision. */
    public MemberSuspended suspend(LocalDate on, String reason, String decision) {
        requireDecision(reason, decision);
        changeStatus(MemberStatus.SUSPENDED, on);
        return new MemberSuspended(id, organization, on, reason, decision);
    }

    /** An exempt or suspended member takes up activities again. */
    public MemberReinstated reinstate(LocalDate on, String reason) {
        if (status == MemberStatus.ACTIVE) {
            throw new Refused(STATUS_UNCHANGED, cardNumber);
        }
        changeStatus(MemberStatus.ACTIVE, on);
        return new MemberReinstated(id, organization, on, reason);
    }

    /**
     * Off the rolls (left, removed, deceased): the membership and the roles end that day. Leaving and expulsion
     * rest on a decision: they take the reason and the decision's number.
     */
    public List<DomainEvent> end(MemberStatus how, LocalDate on, String reason, String decision) {
        if (how.isMember()) {
            throw new Refused(STATUS_INVALID, how);
        }
        requireOnRolls();
        // all checked before anything changes: the membership and the roles end on that date too
        if (!on.isAfter(membershipSince)) {
            throw new Refused(DATE_BEFORE_PERIOD, named(), on, membershipSince);
        }
        requireNotBeforeRoles(on);
        if (how.disciplinary()) {
            requireDecision(reason, decision);
        }
        changeStatus(how, on);
        List<DomainEvent> raised = new ArrayList<>();
        raised.add(new MemberLeft(id, organization, how, on, reason, decision));
        raised.addAll(endRoles(on));
        membershipSince = null;
        return raised;
    }

    /**
     * Cancels the member's latest transfer, recorded by mistake: they are back on the rolls of the organization
     * they left, from the start of their period there. Refused while they hold a role taken since (cancel or end
     * it first), when the organization they left has been dissolved since, and for anyone but the transfer's
     * recorder or an administrator.
     *
     * @param last the latest transfer, or {@code null} when the open period is the admission (nothing to cancel)
     */
    public MemberTransferCancelled cancelTransfer(RecordedTransfer last, Canceller by, String reason) {
        requireOnRolls();
        if (last == null || !last.to().equals(organization)) {
            throw new Refused(NOTHING_TO_CANCEL);
        }
        if (!by.mayCancel(last.recordedBy())) {
            throw new Refused(CANCEL_NOT_YOURS);
        }
        if (!roles.isEmpty()) {
            throw new Refused(CANCEL_ROLES_SINCE, named());
        }
        if (last.from().dissolved()) {
            throw new Refused(TARGET_DISSOLVED, last.from().name());
        }
        organization = last.from().id();
        membershipSince = last.fromSince();
        return new MemberTransferCancelled(id, last.from().id(), last.to(), last.on(), reason);
    }

    /**
     * Cancels the member's latest status change, recorded by mistake: the status before it comes back, and, when
     * the change took the member off the rolls, the membership and the roles it ended. Refused for the status of
     * the admission (nothing to cancel), when a suspension would come back over a role taken since, when the
     * organization has been dissolved since, and for anyone but the change's recorder or an administrator.
     *
     * @param last the latest status change, or {@code null} when the open status is the admission's
     */
    public MemberStatusChangeCancelled cancelStatusChange(RecordedStatus last, Canceller by, String reason) {
        if (last == null || last.previous() == null || last.status() != status) {
            throw new Refused(NOTHING_TO_CANCEL);
        }
        if (!by.mayCancel(last.recordedBy())) {
            throw new Refused(CANCEL_NOT_YOURS);
        }
        if (!last.previous().isMember()) {
            throw new Refused(NOTHING_TO_CANCEL);
        }
        if (last.previous() == MemberStatus.SUSPENDED
                && roles.stream().anyMatch(role -> !role.from().isBefore(last.on()))) {
            throw new Refused(CANCEL_ROLES_SINCE, named());
        }
        if (!status.isMember()) {
            if (last.organization() == null || last.organization().dissolved()) {
                throw new Refused(TARGET_DISSOLVED, last.organization() == null ? "" : last.organization().name());
            }
            membershipSince = last.membershipSince();
        }
        MemberStatus cancelled = status;
        status = last.previous();
        statusSince = last.previousSince();
        return new MemberStatusChangeCancelled(id, organization, cancelled, status, last.on(), reason);
    }

    /**
     * The grounds a change needs before it is even shown for confirmation: a disciplinary change (suspension,
     * expulsion, removal) the reason and the decision's number.
     */
    public static void requireGrounds(MemberChange change, String reason, String decision) {
        if (change.disciplinary()) {
            requireDecision(reason, decision);
        }
    }

    private static void requireDecision(String reason, String decision) {
        if (reason == null || reason.isBlank()) {
            throw new Refused(REASON_REQUIRED);
        }
        if (decision == null || decision.isBlank()) {
            throw new Refused(DECISION_REQUIRED);
        }
    }

    private void changeStatus(MemberStatus next, LocalDate on) {
        requireOnRolls();
        if (status == next) {
            throw new Refused(STATUS_UNCHANGED, cardNumber);
        }
        requireAfter(statusSince, on);
        status = next;
        statusSince = on;
    }

    private List<DomainEvent> endRoles(LocalDate on) {
        List<DomainEvent> ended = new ArrayList<>();
        for (HeldRole role : roles) {
            ended.add(role.end(on));
        }
        roles.clear();
        return ended;
    }

    private void requireOnRolls() {
        if (!status.isMember()) {
            throw new Refused(MEMBER_NOT_ON_ROLLS, cardNumber);
        }
    }

    /** A change takes effect after the start of the period it ends. */
    private static void requireAfter(LocalDate periodStart, LocalDate on) {
        if (periodStart != null && !on.isAfter(periodStart)) {
            throw new Refused(DATE_BEFORE_CURRENT, on, periodStart);
        }
    }

    /** Refuses a date before the start of a role the member holds: the role would end before it began. */
    private void requireNotBeforeRoles(LocalDate on) {
        roles.stream().map(HeldRole::from).max(LocalDate::compareTo).filter(on::isBefore).ifPresent(start -> {
            throw new Refused(DATE_BEFORE_PERIOD, named(), on, start);
        });
    }

    private static void requireHoldsMembers(OrganizationSummary organization) {
        if (organization.dissolved()) {
            throw new Refused(TARGET_DISSOLVED, organization.name());
        }
        if (!organization.kind().holdsMembers()) {
            throw new Refused(HOLDS_NO_MEMBERS, organization.name());
        }
    }

    private String named() {
        return person.fullName() + " (" + cardNumber + ")";
    }

    public MemberId id() {
        return id;
    }

    public String cardNumber() {
        return cardNumber;
    }

    public Person person() {
        return person;
    }

    public LocalDate admittedOn() {
        return admittedOn;
    }

    public Optional<LocalDate> confirmedOn() {
        return Optional.ofNullable(confirmedOn);
    }

    public OrganizationId organization() {
        return organization;
    }

    public MemberStatus status() {
        return status;
    }

    /** Whether the member may take a role: on the rolls and not suspended. */
    public boolean mayHoldRoles() {
        return status == MemberStatus.ACTIVE || status == MemberStatus.EXEMPT;
    }

    public List<HeldRole> roles() {
        return List.copyOf(roles);
    }
}
