package org.cadre.architecture.offenders.domain;

/** Breaks {@code domainHasNoFramework}: a domain class that uses Spring. */
public class FrameworkInDomain {

    public Object publisher(org.springframework.context.ApplicationEventPublisher events) {
        return events;
    }
}
