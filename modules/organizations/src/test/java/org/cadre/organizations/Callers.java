package org.cadre.organizations;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.util.UUID;
import org.cadre.platform.Caller;
import org.cadre.platform.CallerAuthentication;
import org.cadre.platform.Role;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Requests signed in as a typed caller, the way identity signs users in. */
final class Callers {

    private Callers() {
    }

    static RequestPostProcessor as(Caller caller) {
        return authentication(new CallerAuthentication(caller));
    }

    static RequestPostProcessor with(Role... roles) {
        return as(Caller.of("u-" + roles[0].name().toLowerCase(java.util.Locale.ROOT), roles));
    }

    static RequestPostProcessor secretaryOf(OrganizationId organization) {
        return as(Caller.of("u-secretary", Role.SECRETARY).withOrganizationScope(organization.value()));
    }

    static RequestPostProcessor member(MemberId member) {
        return as(Caller.of("u-member", Role.MEMBER).withMember(member.value()));
    }

    static RequestPostProcessor reviewerFor(UUID body) {
        return as(Caller.of("u-reviewer", Role.REVIEWER).withCoordinatingBody(body));
    }
}
