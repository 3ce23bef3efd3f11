package org.cadre.platform;

import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A text written only when the reader's language is known: an argument of a {@link Refused} or one of its lines
 * that is itself made of messages (the problems found in an uploaded rule pack, each from the bundles).
 */
@FunctionalInterface
public interface Translatable {

    String translate(MessageSource messages, Locale locale);
}
