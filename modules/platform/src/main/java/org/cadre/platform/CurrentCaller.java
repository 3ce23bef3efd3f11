package org.cadre.platform;

/**
 * The caller of the request being served, read from the security context in one place; controllers take a
 * {@link Caller} parameter instead of calling this.
 */
public interface CurrentCaller {

    /** The signed-in caller, or {@link Caller#anonymous()}. */
    Caller get();
}
