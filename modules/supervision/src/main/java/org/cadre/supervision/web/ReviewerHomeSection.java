package org.cadre.supervision.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cadre.platform.Caller;
import org.cadre.platform.HomeSection;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.cadre.supervision.Feedback;
import org.cadre.supervision.FeedbackRequestView;
import org.cadre.supervision.ReviewerDesk;
import org.springframework.stereotype.Component;

/**
 * A reviewer's start: the requests for comments sent to their coordinating body and not answered yet, earliest
 * deadline first, the overdue ones marked, each leading to the reviewer's page where they answer. A reviewer whose
 * body has nothing waiting sees that said plainly; nobody else gets the section.
 */
@Component
class ReviewerHomeSection implements HomeSection {

    /** The nearest few; the reviewer's page lists them all. */
    static final int SHOWN = 5;

    private final Feedback feedback;
    private final Clock clock;

    ReviewerHomeSection(Feedback feedback, Clock clock) {
        this.feedback = feedback;
        this.clock = clock;
    }

    @Override
    public String template() {
        return "supervision/home";
    }

    @Override
    public String fragment() {
        return "reviewer";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Map<String, Object> model(Caller caller) {
        Map<String, Object> model = new LinkedHashMap<>();
        if (!caller.has(Role.REVIEWER) || caller.coordinatingBody().isEmpty()) {
            return model;
        }
        ReviewerDesk desk;
        try {
            desk = feedback.desk(caller);
        } catch (Refused noSuchBody) {
            // a body removed since the account was made: the home page shows the rest rather than fail
            return model;
        }
        List<FeedbackRequestView> open = desk.open();
        model.put("supervisionReviewerBody", desk.body().name());
        model.put("supervisionReviewerOpen", open.subList(0, Math.min(SHOWN, open.size())));
        model.put("supervisionReviewerOpenCount", open.size());
        model.put("supervisionReviewerToday", LocalDate.now(clock));
        return model;
    }
}
