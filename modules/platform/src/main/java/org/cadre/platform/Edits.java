package org.cadre.platform;

/**
 * Optimistic locking of edits, once for every module: two people open the same edit form, the first saves, and the
 * second's save is refused ({@link PlatformRefusal#EDIT_CONFLICT}, 409 on the API, the reason next to the form on a
 * page) instead of silently overwriting the first change. A record is named by its module and kind and its id
 * ({@link #record}); its version counts the edits saved through {@link #claim}.
 *
 * <p>Why a version per edited record here and not a column in every table: the check, the time the message shows
 * and the refusal are then written once, and an edit of a record held in several tables (a register with its items)
 * is one version. Transitions (approve, transfer, close) are guarded by their own state rules and row locks; only
 * changes that overwrite fields a person typed go through here.
 */
public interface Edits {

    /** The name of a record for this table: {@code record("organizations.member", id)}. */
    static String record(String kind, Object id) {
        return kind + ":" + id;
    }

    /** The version an edit form of the record is loaded with (0 when it was never edited). */
    EditVersion current(String record);

    /** The versions of many records at once (a table of item forms), each 0 when never edited. */
    java.util.Map<String, EditVersion> current(java.util.Collection<String> records);

    /**
     * Counts an edit of the record, in the caller's transaction: call it in the facade's transaction before the
     * change. When {@code loaded} is not the current version (someone saved in between) the edit is refused with
     * {@link PlatformRefusal#EDIT_CONFLICT} and the time of the other change; a concurrent save of the same record
     * waits for this transaction and is then refused. A null {@code loaded} (an API client that sends no
     * {@code If-Match}, an import, demo data) edits unconditionally but still counts, so forms loaded before are
     * stale.
     *
     * @return the record's new version
     */
    EditVersion claim(String record, EditVersion loaded);
}
