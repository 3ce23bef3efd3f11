package org.cadre.organizations;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identity of a party member. Other modules refer to members by this id only. */
public record MemberId(@JsonValue UUID value) {

    public MemberId {
        Objects.requireNonNull(value, "value");
    }

    public static MemberId of(String value) {
        return new MemberId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
