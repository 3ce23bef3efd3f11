package org.cadre.platform.web;

import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An out-of-memory error ends the process, so that the supervisor (systemd, Docker, Kubernetes) starts a fresh one.
 * A JVM that has run out of memory once is in an unknown state: the error may have killed a thread that nothing
 * restarts (one attack killed Tomcat's acceptor, and the application stopped answering while the process stayed up,
 * its health never asked again). {@code -XX:+ExitOnOutOfMemoryError} does this for the JVM's own errors and is the
 * documented way to run Cadre; a flag cannot travel in the jar, so the application also halts by itself when such
 * an error reaches a request's filter, an MVC handler or the top of any thread, and warns at start-up when the flag
 * is missing.
 */
final class FatalErrors {

    /** The exit code of {@code -XX:+ExitOnOutOfMemoryError}, so a supervisor sees one code for one cause. */
    static final int EXIT_CODE = 3;

    private static final Logger log = LoggerFactory.getLogger(FatalErrors.class);

    private FatalErrors() {
    }

    /** Whether the error, or anything that caused it, is an out-of-memory error. */
    static boolean outOfMemory(Throwable error) {
        int depth = 0;
        for (Throwable cause = error; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (cause instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /**
     * Logs what happened (if logging itself still can) and halts at once: no shutdown hooks, which may need the
     * memory or the threads that are gone, and no graceful close that could wait forever on a stuck thread.
     */
    static void halt(String where, Throwable error) {
        try {
            Throwable fatal = error;
            for (Throwable cause = error; cause != null; cause = cause.getCause()) {
                if (cause instanceof VirtualMachineError) {
                    fatal = cause; // named in the log, not the ServletException that carries it
                    break;
                }
            }
            log.error("Fatal {} in {}: halting the process (exit code {}) so that its supervisor restarts it",
                    fatal.getClass().getSimpleName(), where, EXIT_CODE, error);
        } catch (Throwable ignored) {
            // nothing more can be said: the halt matters more than the log line
        } finally {
            Runtime.getRuntime().halt(EXIT_CODE);
        }
    }

    /**
     * Halts when an error that leaves the JVM in doubt reaches the top of any thread: out of memory, or another
     * virtual-machine error but a stack overflow (which unwinds cleanly). Other uncaught errors go to the handler that
     * was there before, or to the log.
     */
    static void install() {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        if (previous instanceof Guard) {
            return;
        }
        Thread.setDefaultUncaughtExceptionHandler(new Guard(previous));
    }

    /** Whether the JVM was started to end itself on an out-of-memory error; warns when not. */
    static boolean warnWithoutExitFlag() {
        boolean flagged = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(argument -> argument.equals("-XX:+ExitOnOutOfMemoryError")
                        || argument.equals("-XX:+CrashOnOutOfMemoryError"));
        if (!flagged) {
            log.warn("The JVM runs without -XX:+ExitOnOutOfMemoryError: Cadre halts on an out-of-memory error it "
                    + "sees, but only the flag covers every thread. Start it with "
                    + "'java -XX:+ExitOnOutOfMemoryError -jar cadre.jar' (see docs/operations.md)");
        }
        return flagged;
    }

    private record Guard(Thread.UncaughtExceptionHandler previous) implements Thread.UncaughtExceptionHandler {
        @Override
        public void uncaughtException(Thread thread, Throwable error) {
            if (outOfMemory(error) || error instanceof VirtualMachineError && !(error instanceof StackOverflowError)) {
                halt("thread " + thread.getName(), error);
            }
            if (previous != null) {
                previous.uncaughtException(thread, error);
            } else {
                // not the thread group: it would ask the default handler, this one, again
                log.error("Uncaught exception in thread {}", thread.getName(), error);
            }
        }
    }
}
