package org.cadre.supervision.domain;

import static org.cadre.supervision.SupervisionRefusal.DECISION_IN_FUTURE;
import static org.cadre.supervision.SupervisionRefusal.FORM_NOT_FOR_MEMBERS;
import static org.cadre.supervision.SupervisionRefusal.FORM_NOT_FOR_ORGANIZATIONS;
import static org.cadre.supervision.SupervisionRefusal.FORM_NOT_FOR_PROBATIONARY;
import static org.cadre.supervision.SupervisionRefusal.MEMBER_NOT_ON_ROLLS;
import static org.cadre.supervision.SupervisionRefusal.ORGANIZATION_DISSOLVED;
import static org.cadre.supervision.SupervisionRefusal.VIOLATION_OF_ANOTHER;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.platform.Refused;
import org.cadre.supervision.DisciplineForm;
import org.cadre.supervision.DisciplineImposed;

/**
 * A disciplinary decision. The form must suit the subject (members: reprimand, warning, removal from post,
 * expulsion, a probationary member only the first two; organizations: reprimand, warning, dissolution); a member
 * must be on the rolls and an organization not dissolved; the decision is not dated after today; a violation
 * named as the same must be the subject's own.
 */
public final class Discipline {

    private final UUID id;
    private final Subject subject;
    private final Violation violation;
    private final DisciplineForm form;
    private final String decision;
    private final LocalDate decidedOn;
    private final String issuer;

    private Discipline(UUID id, Subject subject, Violation violation, DisciplineForm form, String decision,
            LocalDate decidedOn, String issuer) {
        this.id = id;
        this.subject = subject;
        this.violation = violation;
        this.form = form;
        this.decision = decision;
        this.decidedOn = decidedOn;
        this.issuer = issuer;
    }

    /** The decision, checked; {@link #imposed()} is the event it raises. */
    public static Discipline impose(UUID id, Subject subject, Violation violation, DisciplineForm form,
            String decision, LocalDate decidedOn, String issuer, LocalDate today) {
        if (decidedOn.isAfter(today)) {
            throw new Refused(DECISION_IN_FUTURE, decidedOn);
        }
        if (subject.isMember()) {
            if (!form.forMembers()) {
                throw new Refused(FORM_NOT_FOR_MEMBERS, form);
            }
            if (!subject.onRolls()) {
                throw new Refused(MEMBER_NOT_ON_ROLLS, subject.name());
            }
            if (subject.probationary() && !form.forProbationary()) {
                throw new Refused(FORM_NOT_FOR_PROBATIONARY, subject.name());
            }
        } else {
            if (!form.forOrganizations()) {
                throw new Refused(FORM_NOT_FOR_ORGANIZATIONS, form);
            }
            if (subject.dissolved()) {
                throw new Refused(ORGANIZATION_DISSOLVED, subject.name());
            }
        }
        if (!violation.of(subject)) {
            throw new Refused(VIOLATION_OF_ANOTHER, subject.name());
        }
        return new Discipline(id, subject, violation, form, decision.strip(), decidedOn, issuer.strip());
    }

    public DisciplineImposed imposed() {
        return new DisciplineImposed(id, violation.id(), subject.member(), subject.organization(), form, decision,
                decidedOn, issuer, violation.selfDetected(), violation.remedied(), violation.isNew(),
                subject.isMember() && form.endsMembership());
    }

    /** Whether organizations must end the member's membership with this decision. */
    public boolean endsMembership() {
        return subject.isMember() && form.endsMembership();
    }

    public UUID id() {
        return id;
    }

    public Subject subject() {
        return subject;
    }

    public Violation violation() {
        return violation;
    }

    public DisciplineForm form() {
        return form;
    }

    public String decision() {
        return decision;
    }

    public LocalDate decidedOn() {
        return decidedOn;
    }

    public String issuer() {
        return issuer;
    }
}
