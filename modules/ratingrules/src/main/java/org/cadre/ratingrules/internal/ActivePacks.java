package org.cadre.ratingrules.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.cadre.ratingrules.engine.CompiledPack;
import org.cadre.ratingrules.facts.Proposal;
import org.springframework.stereotype.Component;

/**
 * The compiled packs that serve evaluations, as one immutable snapshot swapped atomically. A call takes a lease on
 * the pack it uses; a pack replaced by an activation is closed (container disposed, module removed) only when its
 * last running call has finished, so calls running on the old version finish on it and no call fails during a swap.
 */
@Component
class ActivePacks implements AutoCloseable {

    private final AtomicReference<List<Entry>> snapshot = new AtomicReference<>(List.of());
    private final Object swapLock = new Object();

    /** A compiled active pack with the calls running on it. */
    static final class Entry {

        final String packId;
        final int version;
        final CompiledPack pack;
        final Map<String, Object> parameters;
        private final AtomicInteger inFlight = new AtomicInteger();
        private volatile boolean retired;

        Entry(String packId, int version, CompiledPack pack, Map<String, Object> parameters) {
            this.packId = packId;
            this.version = version;
            this.pack = pack;
            this.parameters = Map.copyOf(parameters);
        }

        boolean serves(int year, Proposal.Subject subject) {
            return pack.manifest().appliesTo(year) && pack.manifest().subjects().contains(subject);
        }

        boolean acquire() {
            inFlight.incrementAndGet();
            if (retired) {
                release();
                return false;
            }
            return true;
        }

        void release() {
            if (inFlight.decrementAndGet() == 0 && retired) {
                pack.close();
            }
        }

        void retire() {
            retired = true;
            if (inFlight.get() == 0) {
                pack.close();
            }
        }

        boolean same(String otherPack, int otherVersion) {
            return packId.equals(otherPack) && version == otherVersion;
        }
    }

    /** Runs {@code call} on the pack serving the year and subject, holding a lease on it for the call's duration. */
    <T> Optional<T> with(int year, Proposal.Subject subject, Function<Entry, T> call) {
        while (true) {
            Entry entry = snapshot.get().stream().filter(e -> e.serves(year, subject)).findFirst().orElse(null);
            if (entry == null) {
                return Optional.empty();
            }
            if (entry.acquire()) {
                try {
                    return Optional.of(call.apply(entry));
                } finally {
                    entry.release();
                }
            }
            // retired between the look-up and the lease: the snapshot already holds its successor
        }
    }

    /** Runs {@code call} on the active entry of this pack version, if it is active, holding a lease on it. */
    <T> Optional<T> withVersion(String packId, int version, Function<Entry, T> call) {
        while (true) {
            Entry entry = snapshot.get().stream().filter(e -> e.same(packId, version)).findFirst().orElse(null);
            if (entry == null) {
                return Optional.empty();
            }
            if (entry.acquire()) {
                try {
                    return Optional.of(call.apply(entry));
                } finally {
                    entry.release();
                }
            }
        }
    }

    List<Entry> entries() {
        return snapshot.get();
    }

    boolean contains(String packId, int version) {
        return snapshot.get().stream().anyMatch(e -> e.same(packId, version));
    }

    /** Adds a compiled pack, retiring the entries {@code replaces} names (by pack id and version). */
    void swap(Entry added, List<Entry> replaced) {
        synchronized (swapLock) {
            List<Entry> next = new ArrayList<>(snapshot.get());
            next.removeAll(replaced);
            if (added != null) {
                next.removeIf(e -> e.same(added.packId, added.version));
                next.add(added);
            }
            snapshot.set(List.copyOf(next));
            replaced.forEach(Entry::retire);
        }
    }

    /** Replaces the whole snapshot (a refresh from the database); entries not kept are retired. */
    void replaceAll(List<Entry> next) {
        synchronized (swapLock) {
            List<Entry> previous = snapshot.get();
            snapshot.set(List.copyOf(next));
            previous.stream().filter(e -> !next.contains(e)).forEach(Entry::retire);
        }
    }

    Object lock() {
        return swapLock;
    }

    @Override
    public void close() {
        replaceAll(List.of());
    }
}
