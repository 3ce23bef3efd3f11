package org.cadre.evaluation;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.types.DomainEvent;

/**
 * Another chapter answered the request for its comment on a member (the chapter the member was transferred from
 * during the year, or the one of their temporary activity). A request is answered once.
 *
 * @param request      the request answered
 * @param organization the chapter that answered (the one asked)
 * @param stance       {@code POSITIVE}, {@code CONCERN} or {@code NEGATIVE}, as residence-place comments
 * @param by           the user name of who answered
 */
public record OtherChapterCommentGiven(UUID request, UUID cycle, UUID member, UUID organization, String stance,
        String by, Instant at) implements DomainEvent {
}
