package org.cadre.ratingrules.web;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cadre.ratingrules.AuditEntry;

/**
 * An audit entry as a sentence in the reader's language ("Áp dụng phiên bản 3, thay phiên bản 1"), by whom. The
 * registry records its entries in English for logs and the API (the action and a detail such as
 * {@code activated, replacing version 1}); the sentence is rebuilt from them, and an entry this page does not know
 * shows its action and detail as they are.
 *
 * @param checksum the start of the stored version's checksum, or {@code null}
 */
record AuditLine(Instant at, String actor, String text, String checksum) {

    /** The author recorded for the packs the start-up loader reads from the {@code rules/} folder. */
    static final String FOLDER_AUTHOR = "rules/";

    private static final Pattern STORED = Pattern.compile(
            "(validated|draft: (\\d+) problem\\(s\\), (\\d+) failed scenario\\(s\\))(?:, from version (\\d+))?"
                    + "(?:, checksum (\\w+))?");
    private static final Pattern ACTIVATED = Pattern.compile("activated(?:, replacing version (\\d+))?");
    private static final Pattern REPLACED = Pattern.compile("replaced by version (\\d+)");
    private static final Pattern ROLLED_BACK = Pattern.compile("rolling back from version (\\d+)");

    static AuditLine of(AuditEntry entry, Wording wording) {
        String detail = entry.detail() == null ? "" : entry.detail();
        Integer version = entry.version();
        String text = null;
        String checksum = null;
        switch (entry.action()) {
            case "FOLDER", "UPLOAD", "EDIT", "PARAMETERS" -> {
                Matcher stored = STORED.matcher(detail);
                if (stored.matches()) {
                    String how = wording.message("ratingrules.source." + entry.action());
                    String from = stored.group(4) == null ? "" : wording.message("ratingrules.audit.from",
                            stored.group(4));
                    text = stored.group(1).equals("validated")
                            ? wording.message("ratingrules.audit.stored", version, how, from)
                            : wording.message("ratingrules.audit.storedDraft", version, how, from, stored.group(2),
                                    stored.group(3));
                    checksum = stored.group(5);
                }
            }
            case "ACTIVATE" -> {
                Matcher activated = ACTIVATED.matcher(detail);
                if (activated.matches()) {
                    text = activated.group(1) == null ? wording.message("ratingrules.audit.activated", version)
                            : wording.message("ratingrules.audit.activatedReplacing", version, activated.group(1));
                }
            }
            case "RETIRE" -> {
                Matcher replaced = REPLACED.matcher(detail);
                if (replaced.matches()) {
                    text = wording.message("ratingrules.audit.replaced", version, replaced.group(1));
                } else if (detail.equals("retired")) {
                    text = wording.message("ratingrules.audit.retired", version);
                }
            }
            case "ROLLBACK" -> {
                Matcher rolledBack = ROLLED_BACK.matcher(detail);
                text = rolledBack.matches() ? wording.message("ratingrules.audit.rolledBack", version,
                        rolledBack.group(1)) : wording.message("ratingrules.audit.rolledBackTo", version);
            }
            case "UPLOAD_REFUSED" -> text = wording.message("ratingrules.audit.refused", detail);
            default -> {
            }
        }
        if (text == null) {
            text = entry.action() + (version == null ? "" : " " + version) + (detail.isEmpty() ? "" : ": " + detail);
        }
        return new AuditLine(entry.at(), author(entry.actor(), wording), text, checksum);
    }

    /** Who made a change: the user's name, or the start-up loader's own label for the shipped packs. */
    static String author(String actor, Wording wording) {
        return FOLDER_AUTHOR.equals(actor) ? wording.message("ratingrules.author.folder") : actor;
    }
}
