package org.cadre.supervision.domain;

import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;

/**
 * Who a disciplinary decision is for, as organizations answers on the decision's date: a member (on the rolls or
 * not, probationary or not, and their organization) or an organization (dissolved or not).
 */
public record Subject(MemberId member, OrganizationId organization, String name, boolean onRolls,
        boolean probationary, boolean dissolved) {

    public static Subject member(MemberId member, OrganizationId organization, String name, boolean onRolls,
            boolean probationary) {
        return new Subject(member, organization, name, onRolls, probationary, false);
    }

    public static Subject organization(OrganizationId organization, String name, boolean dissolved) {
        return new Subject(null, organization, name, false, false, dissolved);
    }

    public boolean isMember() {
        return member != null;
    }
}
