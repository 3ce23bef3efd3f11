package org.cadre.supervision.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Caller;
import org.cadre.supervision.HeadsDesk;
import org.cadre.supervision.Inspections;
import org.cadre.supervision.Reminders;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The head's desk, from the reminders and inspections of the subtree (each checks the caller's scope). */
@Service
@Transactional(readOnly = true)
class DeskService implements HeadsDesk {

    private final Reminders reminders;
    private final Inspections inspections;
    private final Clock clock;

    DeskService(Reminders reminders, Inspections inspections, Clock clock) {
        this.reminders = reminders;
        this.inspections = inspections;
        this.clock = clock;
    }

    @Override
    public Desk desk(OrganizationId organization, Caller caller) {
        LocalDate today = LocalDate.now(clock);
        return new Desk(organization, reminders.suggestions(organization, caller),
                inspections.openFindings(organization, caller),
                reminders.within(organization, true, caller).stream().filter(r -> r.dueOn().isBefore(today))
                        .toList());
    }
}
