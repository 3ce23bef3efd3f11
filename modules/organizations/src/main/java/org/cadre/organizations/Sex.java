package org.cadre.organizations;

/** Sex as recorded on the party card. Labels come from the message key {@code member.sex.<NAME>}. */
public enum Sex {
    MALE,
    FEMALE
}
