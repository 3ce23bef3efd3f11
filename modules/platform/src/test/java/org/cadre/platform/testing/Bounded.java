package org.cadre.platform.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One call of a fuzz property, bounded in time: an input that hangs the server fails the property instead. */
public final class Bounded {

    private static final ExecutorService CALLS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fuzz-call");
        thread.setDaemon(true);
        return thread;
    });

    private Bounded() {
    }

    public static <T> T within(Duration limit, Callable<T> call) throws Exception {
        Future<T> result = CALLS.submit(call);
        try {
            return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new AssertionError("no answer within " + limit + ": the input hangs the call", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
