package org.cadre.organizations;

import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Writes organizations and members in bulk with PostgreSQL COPY, streaming: memory stays flat however many rows
 * are written. For demo and benchmark data; ordinary changes go through {@link Organizations} and
 * {@link Members}. One call is one transaction; it publishes a single {@link OrganizationsBulkLoaded} instead of
 * an event per row.
 */
public interface BulkLoad {

    /**
     * Runs the writer against a sink. Write each kind of row together (agencies, then organizations, then members):
     * switching kinds ends one COPY and starts the next.
     */
    OrganizationsBulkLoaded load(Consumer<Sink> writer);

    /**
     * Like {@link #load(Consumer)}; with {@code announce} false no event is published (for a batch of a larger
     * load, whose last batch announces it).
     */
    OrganizationsBulkLoaded load(Consumer<Sink> writer, boolean announce);

    /** Whether the tree is empty (no organization at all). */
    boolean empty();

    /** Where bulk rows go. Parents come before their children, organizations before their members. */
    interface Sink {

        void agency(UUID id, String code, String name, String headName);

        void organization(UUID id, String code, String name, OrganizationKind kind, UUID parentId,
                LocalDate establishedOn, UUID agencyId);

        void member(Member member);
    }

    /**
     * A member row: the person, the organization, the status since a date and, optionally, a role held since a
     * date in {@code roleOrganizationId} (their own organization or one above it).
     */
    record Member(UUID id, String cardNumber, String familyName, String middleName, String givenName,
            LocalDate bornOn, Sex sex, String nationalId, LocalDate admittedOn, LocalDate confirmedOn,
            boolean civilServant, String position, UUID organizationId, MemberStatus status, LocalDate statusFrom,
            OrganizationRole role, UUID roleOrganizationId, LocalDate roleFrom) {
    }
}
