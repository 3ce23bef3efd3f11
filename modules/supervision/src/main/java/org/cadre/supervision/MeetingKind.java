package org.cadre.supervision;

/** A chapter meeting: the regular (monthly) one or a thematic one (quarterly by default). */
public enum MeetingKind {
    REGULAR,
    THEMATIC
}
