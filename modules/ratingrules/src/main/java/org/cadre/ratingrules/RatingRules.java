package org.cadre.ratingrules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.OrganizationFacts;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.ratingrules.facts.SubjectFacts;

/**
 * The rating rules module: evaluates subjects with the active rule pack of a year, and manages the packs (versions,
 * validation, activation with rollback, diff, audit). Refusals are {@link RulePackRejected} problems.
 */
public interface RatingRules {

    // ---- evaluation

    /**
     * Rates one batch of subjects of one kind in one session, with the pack active for the year and subject: the
     * members of one organization (so rules see their peers) or the organizations under one parent. Quotas are
     * checked within the batch. The result names the pack id and version that produced it.
     *
     * @throws RulePackRejected {@code no-active-pack} when no pack serves the year and subject
     */
    Evaluation evaluate(int year, Proposal.Subject subject, List<? extends SubjectFacts> batch);

    /**
     * Rates members and organizations together as a classification run does: members per organization, then
     * organizations bottom-up with the levels just proposed, then quotas. One pack must serve both subjects for the
     * year when both are given.
     *
     * @throws RulePackRejected {@code packs-differ} (409) when different packs serve the year's members and
     *                          organizations; {@code no-active-pack} when no pack serves a subject given
     */
    Evaluation evaluateAll(int year, List<MemberFacts> members, List<OrganizationFacts> organizations);

    /** The pack version that serves the year and subject, if any. */
    Optional<PackVersion> activeFor(int year, Proposal.Subject subject);

    // ---- the registry

    List<PackSummary> packs();

    List<PackVersion> versions(String packId);

    PackVersion version(String packId, int version);

    /** The files of a version, by path. */
    Map<String, byte[]> files(String packId, int version);

    /** The parameters of a version, declarations and current values, for the parameter form. */
    List<PackParameter> parameters(String packId, int version);

    /** The rules of a version: name, id, criterion, article (compiles the version). */
    List<RuleInfo> rules(String packId, int version);

    /** A rule of a pack. */
    record RuleInfo(String name, String id, String criterion, String article) {
    }

    /**
     * Stores an uploaded zip as a new version (the version in its {@code pack.yaml} must be new). A pack that does
     * not validate is stored as a draft and refused with its problems; a zip that is unsafe is refused and not
     * stored.
     */
    PackVersion upload(byte[] zip, String author);

    /** A new version from {@code baseVersion} with one file replaced or added (DRL, YAML, XLSX). */
    PackVersion saveFile(String packId, int baseVersion, String path, byte[] content, String author);

    /** A new version from {@code baseVersion} with parameter values changed (written to {@code parameters.yaml}). */
    PackVersion changeParameters(String packId, int baseVersion, Map<String, String> values, String author);

    /** Validates a stored version again: compile and every scenario. */
    ValidationReport validate(String packId, int version);

    /** Activates a validated (or retired) version: an atomic hot swap, retiring the version of the pack it replaces. */
    PackVersion activate(String packId, int version, String actor);

    /** Activates an earlier version again. */
    PackVersion rollback(String packId, int toVersion, String actor);

    /** Retires an active version: its years are no longer served. */
    PackVersion retire(String packId, int version, String actor);

    PackDiff diff(String packId, int from, int to);

    List<AuditEntry> audit(String packId);
}
