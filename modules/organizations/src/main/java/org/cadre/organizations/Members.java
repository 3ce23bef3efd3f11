package org.cadre.organizations;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The organizations module's facade for party members. Every change is a transition of the member
 * ({@code org.cadre.organizations.domain.Member}) and publishes its events in the same transaction; a refused
 * change is a {@link org.cadre.platform.Refused} with an {@link OrganizationRefusal} and writes nothing. Lists come
 * in Vietnamese order (given name, middle name, family name).
 */
public interface Members {

    /**
     * Publishes {@link MemberAdmitted}. Refuses a taken card number, an organization that is dissolved or holds no
     * members (a committee), dates out of order, an admission before the age of eighteen.
     */
    MemberId admit(@Valid AdmitMember command);

    Optional<MemberSummary> find(MemberId id);

    Optional<MemberSummary> findByCard(String cardNumber);

    /** Members on the rolls of an organization (and its subtree when asked) on a date, in Vietnamese order. */
    List<MemberSummary> list(OrganizationId organization, boolean subtree, LocalDate asOf);

    /**
     * One page of {@link #list}: the page is read from the database, not cut from the whole roll, so a committee's
     * page of thousands costs one page; a page past the end gives the last one.
     *
     * @param page from 1
     */
    MemberSearch roll(OrganizationId organization, boolean subtree, LocalDate asOf, int page, int size);

    /** How many members {@link #list} would give, without reading them. */
    int count(OrganizationId organization, boolean subtree, LocalDate asOf);

    /**
     * Members whose name or card number contains the query, ignoring case and diacritics ("nguyen van a" finds
     * "Nguyễn Văn A"), within what is visible, in Vietnamese order.
     */
    List<MemberSummary> search(String query, Visibility visibility, int limit);

    /**
     * One page of the members whose name or card number contains the query, within what is visible, best matches
     * first: the card number or the name with its accents as typed, word for word ("Hạnh" finds Nguyễn Thị Hạnh
     * first); then whole words without accents (Hạnh, Hành); then words that start with it; then the rest
     * (Thanh Ánh); within each, in Vietnamese order.
     *
     * @param page from 1
     */
    MemberSearch search(String query, Visibility visibility, int page, int size);

    /**
     * The members who left the organization (with its subtree, when asked) by a transfer out of it, latest first:
     * the sending chapter keeps them in sight after they leave its scope.
     */
    List<TransferOut> transfersOut(OrganizationId organization, boolean subtree);

    /**
     * Cancels the member's latest transfer, recorded by mistake, with a reason: the history keeps it marked
     * cancelled; publishes {@link MemberTransferCancelled}. For the transfer's recorder (in scope of the member
     * or of the organization they left) or an administrator.
     */
    void cancelTransfer(MemberId id, @Valid CancelChange command, org.cadre.platform.Caller caller);

    /**
     * Cancels the member's latest status change (exempt, suspend, reinstate, off the rolls), recorded by mistake,
     * with a reason; publishes {@link MemberStatusChangeCancelled}. For its recorder or an administrator.
     */
    void cancelStatusChange(MemberId id, @Valid CancelChange command, org.cadre.platform.Caller caller);

    /** Corrects personal data; publishes {@link MemberDetailsCorrected}. */
    void correct(MemberId id, @Valid CorrectMember command);

    /**
     * Corrects personal data as an edit form loaded them: refused as an edit conflict, nothing written, when
     * someone saved the member's data after {@code loaded} ({@link OrganizationEdits#memberDetails}); null edits
     * unconditionally.
     */
    void correct(MemberId id, @Valid CorrectMember command, org.cadre.platform.EditVersion loaded);

    /** Publishes {@link MemberConfirmed}. */
    void confirm(MemberId id, @Valid DatedChange command);

    /**
     * Publishes {@link MemberTransferred}, and a {@link RoleEnded} for each role the member held. The destination
     * must be a live chapter.
     */
    void transfer(MemberId id, @Valid TransferMember command);

    /** Publishes {@link MemberExempted}. */
    void exempt(MemberId id, @Valid DatedChange command);

    /** Publishes {@link MemberSuspended}. */
    void suspend(MemberId id, @Valid DatedChange command);

    /** Publishes {@link MemberReinstated}. */
    void reinstate(MemberId id, @Valid DatedChange command);

    /** Publishes {@link MemberLeft}, and a {@link RoleEnded} for each role the member held. */
    void end(MemberId id, @Valid EndMembership command);

    /** Where the member belonged and their status, over time. */
    List<HistoryEntry> history(MemberId id);

    /** Every member, streamed in card order, for a consumer rebuilding its projection. */
    void forEach(Consumer<MemberSummary> consumer);

    /** Every role assignment, past and present, streamed, for a consumer rebuilding its projection. */
    void forEachRole(Consumer<RoleAssignment> consumer);
}
