package org.cadre.platform.events;

import java.lang.reflect.Method;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Where an asynchronous listener's exception ends up: logged, and for an event listener recorded with the event,
 * so the administrators' page of incomplete publications shows why each one is stuck.
 */
@Component
class ListenerFailureRecorder implements AsyncConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ListenerFailureRecorder.class);

    private final Publications publications;

    ListenerFailureRecorder(Publications publications) {
        this.publications = publications;
    }

    @Override
    public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
        return this::failed;
    }

    private void failed(Throwable error, Method method, Object... arguments) {
        String listener = listenerId(method);
        log.error("Listener {} failed; its event publication stays incomplete", listener, error);
        if (arguments.length == 1 && isEventListener(method)) {
            try {
                publications.failed(listener, arguments[0], error);
            } catch (RuntimeException e) {
                log.warn("The failure of {} could not be recorded: {}", listener, e.toString());
            }
        }
    }

    /** The id the registry keeps the publication under: the listener's explicit id, else its method's name. */
    static String listenerId(Method method) {
        ApplicationModuleListener module = AnnotatedElementUtils.findMergedAnnotation(method,
                ApplicationModuleListener.class);
        if (module != null && !module.id().isEmpty()) {
            return module.id();
        }
        TransactionalEventListener listener = AnnotatedElementUtils.findMergedAnnotation(method,
                TransactionalEventListener.class);
        return listener != null && !listener.id().isEmpty() ? listener.id()
                : method.getDeclaringClass().getName() + "." + method.getName();
    }

    private static boolean isEventListener(Method method) {
        return AnnotatedElementUtils.hasAnnotation(method, TransactionalEventListener.class);
    }
}
