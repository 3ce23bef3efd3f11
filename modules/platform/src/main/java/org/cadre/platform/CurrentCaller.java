package org.cadre.platform;

/**
 * The caller of the request being served. The identity module implements it (the one place that reads the
 * security context); controllers take a {@link Caller} parameter instead of calling this.
 */
public interface CurrentCaller {

    /** The signed-in caller, or {@link Caller#anonymous()}. */
    Caller get();
}
