package org.cadre.platform;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identity of a background job. */
public record JobId(@JsonValue UUID value) {

    public JobId {
        Objects.requireNonNull(value, "value");
    }

    public static JobId of(String value) {
        return new JobId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
