package org.cadre.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The requests being served now and since when, so that health can say when some are stuck (a query waiting on a
 * lock, a call that never returns): each holds one of the server's worker threads until it ends. Elapsed time is
 * measured with {@link System#nanoTime()}, not the clock: it is a duration, not a date.
 */
class RequestsInFlight extends OncePerRequestFilter {

    private final Set<Running> running = ConcurrentHashMap.newKeySet();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Running current = new Running(request.getMethod(), request.getRequestURI(), Thread.currentThread().getName(),
                System.nanoTime());
        running.add(current);
        try {
            chain.doFilter(request, response);
        } finally {
            running.remove(current);
        }
    }

    /** The requests running for longer than the given time, the oldest first. */
    List<Running> longerThan(Duration limit) {
        long now = System.nanoTime();
        return running.stream().filter(r -> now - r.startedNanos() > limit.toNanos())
                .sorted(Comparator.comparingLong(Running::startedNanos)).toList();
    }

    int count() {
        return running.size();
    }

    /** One request being served; an identity, not a value: two identical requests are two entries. */
    static final class Running {
        private final String method;
        private final String path;
        private final String thread;
        private final long startedNanos;

        Running(String method, String path, String thread, long startedNanos) {
            this.method = method;
            this.path = path;
            this.thread = thread;
            this.startedNanos = startedNanos;
        }

        String method() {
            return method;
        }

        String path() {
            return path;
        }

        String thread() {
            return thread;
        }

        long startedNanos() {
            return startedNanos;
        }

        Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - startedNanos);
        }
    }
}
