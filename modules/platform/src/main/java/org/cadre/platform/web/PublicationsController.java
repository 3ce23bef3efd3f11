package org.cadre.platform.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.cadre.platform.PlatformRefusal;
import org.cadre.platform.Refused;
import org.cadre.platform.events.IncompletePublication;
import org.cadre.platform.events.Publications;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' page of event publications a listener has not handled: each with its last error, and a way
 * to hand it to its listener again once the cause is fixed (docs/operations.md).
 */
@Controller
class PublicationsController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm:ss");

    private final Publications publications;
    private final MessageSource messages;
    private final ZoneId zone;

    PublicationsController(Publications publications, MessageSource messages,
            @Value("${cadre.time-zone}") ZoneId zone) {
        this.publications = publications;
        this.messages = messages;
        this.zone = zone;
    }

    @GetMapping("/admin/publications")
    @PreAuthorize("hasRole('ADMIN')")
    String list(Model model) {
        model.addAttribute("publications", publications.incomplete(500).stream().map(p -> new Row(p,
                time(p.publishedAt()), time(p.failedAt()))).toList());
        model.addAttribute("stuck", publications.stuck().count());
        model.addAttribute("staleMinutes", publications.staleAfter().toMinutes());
        return "admin/publications";
    }

    @PostMapping("/admin/publications/{id}/resubmit")
    @PreAuthorize("hasRole('ADMIN')")
    String resubmit(@PathVariable UUID id, Locale locale, RedirectAttributes redirect) {
        if (!publications.resubmit(id)) {
            throw new Refused(PlatformRefusal.PUBLICATION_UNKNOWN, id);
        }
        redirect.addFlashAttribute("notice", messages.getMessage("publications.resubmitted", null, locale));
        return "redirect:/admin/publications";
    }

    @PostMapping("/admin/publications/resubmit")
    @PreAuthorize("hasRole('ADMIN')")
    String resubmitStuck(Locale locale, RedirectAttributes redirect) {
        int count = publications.resubmitStuck();
        redirect.addFlashAttribute("notice", messages.getMessage("publications.resubmittedStuck",
                new Object[] {count}, locale));
        return "redirect:/admin/publications";
    }

    /** A publication as the page shows it, times in the committee's zone. */
    record Row(IncompletePublication publication, String publishedAt, String failedAt) {
    }

    private String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }
}
