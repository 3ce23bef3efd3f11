package org.cadre.architecture.offenders.internal;

/** Breaks {@code noHttpStatusInsideModules}: an internal service that chooses an HTTP status. */
public class ChoosesHttpStatus {

    public Object status() {
        return org.springframework.http.HttpStatus.CONFLICT;
    }
}
