package org.cadre.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.cadre.evaluation.EvaluatedOrganization;
import org.cadre.evaluation.Evaluation;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationKind;
import org.cadre.organizations.OrganizationRegistered;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.RegisterOrganization;
import org.cadre.support.CadreTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.Scenario;

/**
 * End to end, in the whole application: an event published by one module reaches another through the JDBC event
 * publication registry on real PostgreSQL, registered with the publishing transaction, handled after commit, then
 * archived as completed. Each module's own tests check its side (the publisher's events, the consumer's state).
 */
@CadreTest
class CrossModuleEventTests {

    @Autowired
    Organizations organizations;
    @Autowired
    Evaluation evaluation;
    @Autowired
    JdbcClient jdbc;

    @Test
    void registeringAnOrganizationReachesEvaluationThroughTheRegistry(Scenario scenario) {
        String code = "EVT-" + UUID.randomUUID().toString().substring(0, 8);
        var command = new RegisterOrganization(code, "Đảng bộ Sở Nội vụ", OrganizationKind.GRASSROOTS_COMMITTEE,
                null, LocalDate.of(2008, 3, 1));

        OrganizationId[] registered = new OrganizationId[1];
        scenario.stimulate(() -> registered[0] = organizations.register(command))
                .andWaitForStateChange(() -> evaluation.organization(registered[0]), Optional::isPresent)
                .andVerify(found -> assertThat(found).get()
                        .extracting(EvaluatedOrganization::code, EvaluatedOrganization::name,
                                EvaluatedOrganization::kind)
                        .containsExactly(code, "Đảng bộ Sở Nội vụ", OrganizationKind.GRASSROOTS_COMMITTEE));

        String serializedId = "%" + registered[0].value() + "%";
        // ARCHIVE completion mode: the publication left the live table and sits, completed, in the archive
        scenario.stimulate(() -> registered[0])
                .andWaitForStateChange(() -> jdbc.sql("""
                        SELECT count(*) FROM events.event_publication_archive
                        WHERE listener_id = 'evaluation.on-organization-registered'
                          AND event_type = :type AND serialized_event LIKE :id AND completion_date IS NOT NULL
                        """).param("type", OrganizationRegistered.class.getName()).param("id", serializedId)
                        .query(Integer.class).single(), count -> count == 1)
                .andVerify(count -> assertThat(jdbc.sql("""
                        SELECT count(*) FROM events.event_publication WHERE serialized_event LIKE :id
                        """).param("id", serializedId).query(Integer.class).single()).isZero());
    }
}
