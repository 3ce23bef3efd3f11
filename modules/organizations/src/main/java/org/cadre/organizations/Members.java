package org.cadre.organizations;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The organizations module's facade for party members. Every change publishes its event in the same
 * transaction; lists come in Vietnamese order (given name, middle name, family name).
 */
public interface Members {

    /** Publishes {@link MemberAdmitted}. Refuses a taken card number, a dissolved organization, dates out of order. */
    MemberId admit(AdmitMember command);

    Optional<MemberSummary> find(MemberId id);

    Optional<MemberSummary> findByCard(String cardNumber);

    /** Members on the rolls of an organization (and its subtree when asked) on a date, in Vietnamese order. */
    List<MemberSummary> list(OrganizationId organization, boolean subtree, LocalDate asOf);

    /**
     * Members whose name or card number contains the query, ignoring case and diacritics ("nguyen van a" finds
     * "Nguyễn Văn A"), within the given subtrees (everywhere when empty), in Vietnamese order.
     */
    List<MemberSummary> search(String query, Collection<OrganizationId> roots, int limit);

    /** Corrects personal data; publishes {@link MemberDetailsCorrected}. */
    void correct(MemberId id, CorrectMember command);

    /** Publishes {@link MemberConfirmed}. */
    void confirm(MemberId id, DatedChange command);

    /** Publishes {@link MemberTransferred}. */
    void transfer(MemberId id, TransferMember command);

    /** Publishes {@link MemberExempted}. */
    void exempt(MemberId id, DatedChange command);

    /** Publishes {@link MemberSuspended}. */
    void suspend(MemberId id, DatedChange command);

    /** Publishes {@link MemberReinstated}. */
    void reinstate(MemberId id, DatedChange command);

    /** Publishes {@link MemberLeft}. */
    void end(MemberId id, EndMembership command);

    /** Where the member belonged and their status, over time. */
    List<HistoryEntry> history(MemberId id);

    /** Every member, streamed in card order, for a consumer rebuilding its projection. */
    void forEach(Consumer<MemberSummary> consumer);

    /** Every role assignment, past and present, streamed, for a consumer rebuilding its projection. */
    void forEachRole(Consumer<RoleAssignment> consumer);
}
