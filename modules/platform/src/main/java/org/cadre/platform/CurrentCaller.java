package org.cadre.platform;

/**
 * The caller of the request being served, read from the security context in one place; controllers take a
 * {@link Caller} parameter instead of calling this.
 */
public interface CurrentCaller {

    /** The signed-in caller, or {@link Caller#anonymous()}. */
    Caller get();

    /**
     * Runs work as the given caller on this thread (a job runs as the user who submitted it), so that what reads
     * the current caller inside it (the audit trail, the recorded-by of a history entry) names that user.
     */
    <T> T as(Caller caller, java.util.function.Supplier<T> work);
}
