package org.cadre.supervision.domain;

import static org.cadre.supervision.SupervisionRefusal.CONCLUSION_DATE_INVALID;
import static org.cadre.supervision.SupervisionRefusal.FINDING_DATE_INVALID;
import static org.cadre.supervision.SupervisionRefusal.INSPECTION_CONCLUDED;
import static org.cadre.supervision.SupervisionRefusal.INSPECTION_IN_FUTURE;
import static org.cadre.supervision.SupervisionRefusal.PERIOD_OUT_OF_ORDER;
import static org.cadre.supervision.SupervisionRefusal.REMEDY_FOR_STRENGTH;
import static org.cadre.supervision.SupervisionRefusal.REMEDY_NEEDS_DEADLINE;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Refused;
import org.cadre.supervision.FindingNature;
import org.cadre.supervision.InspectionKind;
import org.cadre.supervision.InspectionPlan;
import org.cadre.supervision.SupervisionOpened;

/** An inspection or supervision: opened, findings recorded until it is concluded. */
public final class Inspection {

    private final UUID id;
    private final OrganizationId organization;
    private final MemberId member;
    private final LocalDate openedOn;
    private LocalDate concludedOn;

    public Inspection(UUID id, OrganizationId organization, MemberId member, LocalDate openedOn,
            LocalDate concludedOn) {
        this.id = id;
        this.organization = organization;
        this.member = member;
        this.openedOn = openedOn;
        this.concludedOn = concludedOn;
    }

    public static SupervisionOpened open(UUID id, InspectionKind kind, InspectionPlan plan,
            OrganizationId organization, MemberId member, LocalDate from, LocalDate to, LocalDate openedOn,
            LocalDate today) {
        if (openedOn.isAfter(today)) {
            throw new Refused(INSPECTION_IN_FUTURE, openedOn);
        }
        if (to.isBefore(from)) {
            throw new Refused(PERIOD_OUT_OF_ORDER, from, to);
        }
        return new SupervisionOpened(id, kind, plan, organization, member, from, to, openedOn);
    }

    /** Checks a finding before it is written: dated within the inspection, a remedy only with its deadline. */
    public void checkFinding(FindingNature nature, LocalDate on, String remedy, LocalDate remedyDue,
            LocalDate today) {
        if (concludedOn != null) {
            throw new Refused(INSPECTION_CONCLUDED, concludedOn);
        }
        if (on.isBefore(openedOn) || on.isAfter(today)) {
            throw new Refused(FINDING_DATE_INVALID, on, openedOn);
        }
        boolean hasRemedy = remedy != null && !remedy.isBlank();
        if ((hasRemedy || remedyDue != null) && nature == FindingNature.STRENGTH) {
            throw new Refused(REMEDY_FOR_STRENGTH);
        }
        if (hasRemedy != (remedyDue != null)) {
            throw new Refused(REMEDY_NEEDS_DEADLINE);
        }
    }

    public void conclude(LocalDate on, LocalDate today) {
        if (concludedOn != null) {
            throw new Refused(INSPECTION_CONCLUDED, concludedOn);
        }
        if (on.isBefore(openedOn) || on.isAfter(today)) {
            throw new Refused(CONCLUSION_DATE_INVALID, on, openedOn);
        }
        concludedOn = on;
    }

    public UUID id() {
        return id;
    }

    public OrganizationId organization() {
        return organization;
    }

    public MemberId member() {
        return member;
    }

    public LocalDate openedOn() {
        return openedOn;
    }

    public LocalDate concludedOn() {
        return concludedOn;
    }
}
