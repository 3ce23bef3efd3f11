package org.cadre.evaluation.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.cadre.evaluation.ChapterReviews;
import org.cadre.evaluation.MemberReview;
import org.cadre.evaluation.ReviewForm;
import org.cadre.evaluation.ReviewList;
import org.cadre.evaluation.SelfAssessments;
import org.cadre.evaluation.web.EvaluationRoles.ReviewsChapter;
import org.cadre.evaluation.web.EvaluationRoles.SendsSelfAssessmentBack;
import org.cadre.evaluation.EvaluationEdits;
import org.cadre.platform.Caller;
import org.cadre.platform.EditVersion;
import org.cadre.platform.Edits;
import org.cadre.platform.PageForm;
import org.cadre.platform.Role;
import org.cadre.ratingrules.RulePackRegistry.Level;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of the chapter's review: an organization's list (self-assessed level, the engine's level with a link to
 * its explanation, the chapter's proposal, comments asked), a member's review page (all the chapter weighs and its
 * form), the comments other chapters ask of the caller's, and sending a self-assessment back from the secretary's
 * self-assessment list. A refused form comes back with the reason and what was typed.
 */
@Controller
class ReviewPageController {

    private final Edits edits;

    private static final String LIST = "/evaluation/cycles/{cycle}/review";
    private static final String MEMBER = LIST + "/members/{member}";
    private static final String REQUESTS = LIST + "/comment-requests";

    private final ChapterReviews reviews;
    private final SelfAssessments assessments;
    private final MessageSource messages;

    ReviewPageController(ChapterReviews reviews, SelfAssessments assessments, MessageSource messages,
            Edits edits) {
        this.edits = edits;
        this.reviews = reviews;
        this.assessments = assessments;
        this.messages = messages;
    }

    @GetMapping(LIST)
    @ReviewsChapter
    String list(@PathVariable UUID cycle, @RequestParam(required = false) UUID organization, Caller caller,
            Locale locale, Model model) {
        ReviewList list = reviews.list(cycle, organization, caller);
        model.addAttribute("review", list);
        model.addAttribute("levels", labels(list.scale().stream(), locale));
        model.addAttribute("year", String.valueOf(list.year()));
        model.addAttribute("addressed", reviews.addressedTo(cycle, caller).stream()
                .filter(r -> !r.answered()).count());
        return "evaluation/review/list";
    }

    @GetMapping(MEMBER)
    @ReviewsChapter
    String member(@PathVariable UUID cycle, @PathVariable UUID member, Caller caller, Locale locale, Model model) {
        MemberReview review = reviews.member(cycle, member, caller);
        model.addAttribute("r", review);
        // the form carries the version it was loaded with: another secretary's save in between is refused
        model.addAttribute("editVersion", edits.current(EvaluationEdits.chapterReview(cycle, member)));
        model.addAttribute("levels", labels(review.scale().stream(), locale));
        model.addAttribute("year", String.valueOf(review.year()));
        model.addAttribute("staff", caller.hasAny(Role.ADMIN, Role.EVALUATOR));
        return "evaluation/review/member";
    }

    /** One form, two buttons: {@code action=propose} proposes, anything else keeps a draft. */
    @PostMapping(MEMBER)
    @ReviewsChapter
    @PageForm(page = MEMBER, form = "review-form")
    String save(@PathVariable UUID cycle, @PathVariable UUID member,
            @RequestParam(required = false) String comment, @RequestParam(required = false) String level,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String action,
            EditVersion loaded, Caller caller, Locale locale, RedirectAttributes redirect) {
        ReviewForm form = new ReviewForm(comment, level, reason);
        boolean propose = "propose".equals(action);
        if (propose) {
            reviews.propose(cycle, member, form, loaded, caller);
        } else {
            reviews.saveDraft(cycle, member, form, loaded, caller);
        }
        return notice(memberPage(cycle, member), propose ? "evaluation.review.proposed" : "evaluation.review.saved",
                locale, redirect);
    }

    @PostMapping(MEMBER + "/comment-requests")
    @ReviewsChapter
    @PageForm(page = MEMBER, form = "ask-form")
    String ask(@PathVariable UUID cycle, @PathVariable UUID member,
            @RequestParam(required = false) UUID organization, Caller caller, Locale locale,
            RedirectAttributes redirect) {
        reviews.requestComment(cycle, member, organization, caller);
        return notice(memberPage(cycle, member), "evaluation.review.asked", locale, redirect);
    }

    @GetMapping(REQUESTS)
    @ReviewsChapter
    String requests(@PathVariable UUID cycle, Caller caller, Model model) {
        model.addAttribute("cycle", cycle);
        model.addAttribute("requests", reviews.addressedTo(cycle, caller));
        return "evaluation/review/requests";
    }

    @PostMapping(REQUESTS + "/{request}/answer")
    @ReviewsChapter
    @PageForm(page = REQUESTS, form = "answer-form")
    String answer(@PathVariable UUID cycle, @PathVariable UUID request,
            @RequestParam(required = false) String stance, @RequestParam(required = false) String text,
            Caller caller, Locale locale, RedirectAttributes redirect) {
        reviews.answer(cycle, request, stance, text, caller);
        return notice("/evaluation/cycles/" + cycle + "/review/comment-requests", "evaluation.review.answered",
                locale, redirect);
    }

    /** From the secretary's self-assessment list: back to the member, with the reason. */
    @PostMapping("/evaluation/cycles/{cycle}/self-assessments/members/{member}/return")
    @SendsSelfAssessmentBack
    @PageForm(page = "/evaluation/cycles/{cycle}/self-assessments?organization={organization}",
            form = "return-form")
    String sendBack(@PathVariable UUID cycle, @PathVariable UUID member,
            @RequestParam(required = false) UUID organization, @RequestParam(required = false) String reason,
            Caller caller, Locale locale, RedirectAttributes redirect) {
        assessments.sendBack(cycle, member, reason, caller);
        return notice("/evaluation/cycles/" + cycle + "/self-assessments"
                + (organization == null ? "" : "?organization=" + organization), "evaluation.review.returned",
                locale, redirect);
    }

    private static String memberPage(UUID cycle, UUID member) {
        return "/evaluation/cycles/" + cycle + "/review/members/" + member;
    }

    private String notice(String page, String key, Locale locale, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", messages.getMessage(key, null, locale));
        return "redirect:" + page;
    }

    private static Map<String, String> labels(Stream<Level> scale, Locale locale) {
        Map<String, String> out = new HashMap<>();
        scale.forEach(l -> out.put(l.code(), l.label(locale.getLanguage())));
        return out;
    }
}
