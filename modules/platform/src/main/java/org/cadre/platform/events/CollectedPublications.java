package org.cadre.platform.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;

/**
 * The JDBC publication registry's repository, with one change: while a {@link BulkScope} is open on the thread,
 * {@link #create} holds the publication and the scope writes the held ones with one batched insert. The insert is
 * the repository's own (schema v2: the same columns and values, the event serialized by the same serializer), so
 * the rows are those one-by-one creation writes; everything else goes to the repository unchanged.
 *
 * <p>Why here: Modulith stores a publication per event and transactional listener as the event is published
 * ({@code DefaultEventPublicationRegistry.store} calls {@code create} for each), one {@code INSERT} each; an import
 * of 3,600 members with three listeners made 10,800 round trips of it.
 */
class CollectedPublications implements EventPublicationRepository {

    private final EventPublicationRepository repository;
    private final JdbcOperations jdbc;
    private final EventSerializer serializer;
    private final String insert;

    CollectedPublications(EventPublicationRepository repository, JdbcOperations jdbc, EventSerializer serializer,
            String table) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.serializer = serializer;
        // JdbcEventPublicationRepositoryV2's insert (spring-modulith-events-jdbc 2.0.3)
        this.insert = "INSERT INTO " + table + " (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, "
                + "STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    }

    @Override
    public TargetEventPublication create(TargetEventPublication publication) {
        if (!BulkScope.add(this, publication, this::createAll)) {
            repository.create(publication);
        }
        return publication;
    }

    /** The held publications in one batch; an event with several listeners is serialized once. */
    private void createAll(List<TargetEventPublication> publications) {
        Map<Object, String> serialized = new IdentityHashMap<>();
        jdbc.batchUpdate(insert, publications, 1_000, (statement, publication) -> {
            Object event = publication.getEvent();
            Timestamp published = Timestamp.from(publication.getPublicationDate());
            statement.setObject(1, publication.getIdentifier());
            statement.setString(2, event.getClass().getName());
            statement.setString(3, publication.getTargetIdentifier().getValue());
            statement.setTimestamp(4, published);
            statement.setString(5, serialized.computeIfAbsent(event, e -> serializer.serialize(e).toString()));
            statement.setString(6, publication.getStatus().name());
            statement.setInt(7, 1);
            statement.setTimestamp(8, published);
        });
    }

    // ---------------------------------------------------------------- the rest, unchanged

    @Override
    public void markProcessing(UUID identifier) {
        repository.markProcessing(identifier);
    }

    @Override
    public void markCompleted(TargetEventPublication publication, Instant completionDate) {
        repository.markCompleted(publication, completionDate);
    }

    @Override
    public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
        repository.markCompleted(event, identifier, completionDate);
    }

    @Override
    public void markCompleted(UUID identifier, Instant completionDate) {
        repository.markCompleted(identifier, completionDate);
    }

    @Override
    public void markFailed(UUID identifier) {
        repository.markFailed(identifier);
    }

    @Override
    public boolean markResubmitted(UUID identifier, Instant instant) {
        return repository.markResubmitted(identifier, instant);
    }

    @Override
    public List<TargetEventPublication> findIncompletePublications() {
        return repository.findIncompletePublications();
    }

    @Override
    public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
        return repository.findIncompletePublicationsPublishedBefore(instant);
    }

    @Override
    public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(Object event,
            PublicationTargetIdentifier targetIdentifier) {
        return repository.findIncompletePublicationsByEventAndTargetIdentifier(event, targetIdentifier);
    }

    @Override
    public List<TargetEventPublication> findCompletedPublications() {
        return repository.findCompletedPublications();
    }

    @Override
    public void deletePublications(List<UUID> identifiers) {
        repository.deletePublications(identifiers);
    }

    @Override
    public void deleteCompletedPublications() {
        repository.deleteCompletedPublications();
    }

    @Override
    public void deleteCompletedPublicationsBefore(Instant instant) {
        repository.deleteCompletedPublicationsBefore(instant);
    }

    @Override
    public List<TargetEventPublication> findFailedPublications(FailedCriteria criteria) {
        return repository.findFailedPublications(criteria);
    }

    @Override
    public List<TargetEventPublication> findByStatus(EventPublication.Status status) {
        return repository.findByStatus(status);
    }

    @Override
    public int countByStatus(EventPublication.Status status) {
        return repository.countByStatus(status);
    }
}
