package org.cadre.commitments;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Caller;

/**
 * Members' commitment registers: drafted by the member (or cascaded from a committee's template), submitted,
 * approved or returned by the secretary of their chapter, reported on, and assessed at year end. A member changes
 * their own register; the secretary (or an administrator) acts within their subtree. A refused change writes
 * nothing.
 */
public interface CommitmentRegisters {

    /** A draft for a member listed in the campaign who is still on the rolls. One register per member and campaign. */
    UUID draft(@Valid DraftRegister command, Caller caller);

    void addItem(UUID register, @Valid ItemDraft item, Caller caller);

    void removeItem(UUID register, UUID item, Caller caller);

    /** Publishes {@link CommitmentRegistered}. */
    void submit(UUID register, Caller caller);

    /** The secretary of the member's chapter (or above it); publishes {@link CommitmentApproved}. */
    void approve(UUID register, Caller caller);

    /** Publishes {@link CommitmentReturned}; the comment is required. */
    void giveBack(UUID register, @Valid ReturnRegister command, Caller caller);

    /** The member or their secretary; 0 to 100%. Publishes {@link CommitmentProgressReported}. */
    default void reportProgress(UUID register, @Valid ReportProgress command, Caller caller) {
        reportProgress(register, command, null, caller);
    }

    /**
     * {@link #reportProgress(UUID, ReportProgress, Caller)} with a file attached as evidence (a PDF, an image or an
     * Office document of at most 5 MB, its type read from its bytes): refuses {@code evidence-too-large} and
     * {@code evidence-type-forbidden} before anything is written. {@code file} may be null.
     */
    void reportProgress(UUID register, @Valid ReportProgress command, AttachedFile file, Caller caller);

    /** The progress reports of a register, item by item and oldest first, for whoever may read the register. */
    List<ProgressReportView> reports(UUID register, Caller caller);

    /** An attached file of a register, for whoever may read the register; refuses {@code evidence-unknown}. */
    EvidenceDownload evidence(UUID register, UUID file, Caller caller);

    /** The secretary; publishes {@link CommitmentFulfilled} or {@link CommitmentMissed}. */
    void assess(UUID register, @Valid AssessItem command, Caller caller);

    /** One action for a whole subtree; publishes {@link CommitmentTemplateCascaded}. */
    CommitmentTemplateCascaded cascade(@Valid CascadeTemplate command, Caller caller);

    /**
     * Approved items past their deadline and short of 100% that were not reported before: publishes one
     * {@link CommitmentOverdue} each and returns how many. Run daily by the deadline job.
     */
    int findOverdue(LocalDate today);

    Optional<RegisterView> find(UUID register);

    /**
     * The register as a caller may read it: their own, or one in an organization they may see; refuses
     * {@code register-unknown} or {@code not-your-register}.
     */
    RegisterView read(UUID register, Caller caller);

    /** A member's registers, latest year first. */
    List<RegisterView> ofMember(MemberId member);

    /** The registers of a campaign within an organization's subtree, in name order. */
    List<RegisterView> list(UUID campaign, OrganizationId organization);

    /** What evaluation reads of a member for a year, for a rebuild. */
    MemberYearFacts memberYear(MemberId member, int year);

    /** {@link #memberYear} for every member listed in a campaign of the year, streamed. */
    void forEachMemberYear(int year, Consumer<MemberYearFacts> consumer);
}
