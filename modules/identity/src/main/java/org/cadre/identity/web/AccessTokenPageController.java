package org.cadre.identity.web;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.cadre.identity.AccessTokens;
import org.cadre.platform.Caller;
import org.cadre.platform.PageForm;
import org.cadre.platform.Role;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every signed-in user's access tokens for scripts: made, listed and revoked on one page. */
@Controller
class AccessTokenPageController {

    private static final String PAGE = "/account/tokens";

    private final AccessTokens tokens;
    private final MessageSource messages;
    private final Clock clock;

    AccessTokenPageController(AccessTokens tokens, MessageSource messages, Clock clock) {
        this.tokens = tokens;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping(PAGE)
    @PreAuthorize("isAuthenticated()")
    String list(Caller caller, Model model) {
        return page(caller, model);
    }

    /**
     * Answers with the page itself rather than a redirect: the clear token would otherwise travel in the session,
     * which is kept in the database, and the token is never stored.
     */
    @PostMapping(PAGE)
    @PreAuthorize("isAuthenticated()")
    @PageForm(page = PAGE, form = "token-form")
    String create(@RequestParam String name, @RequestParam(required = false) Integer days, Caller caller,
            Model model) {
        model.addAttribute("created", tokens.create(name, days, caller));
        return page(caller, model);
    }

    @PostMapping(PAGE + "/{id}/revoke")
    @PreAuthorize("isAuthenticated()")
    @PageForm(page = PAGE, form = "tokens")
    String revoke(@PathVariable UUID id, Caller caller, Locale locale, RedirectAttributes redirect) {
        tokens.revoke(id, caller);
        redirect.addFlashAttribute("notice", messages.getMessage("tokens.revoked", null, locale));
        return "redirect:" + PAGE;
    }

    private String page(Caller caller, Model model) {
        model.addAttribute("tokens", tokens.list(caller));
        model.addAttribute("now", clock.instant());
        model.addAttribute("admin", caller.has(Role.ADMIN));
        model.addAttribute("defaultDays", AccessTokens.DEFAULT_DAYS);
        model.addAttribute("maxDays", AccessTokens.MAX_DAYS);
        return "identity/tokens";
    }
}
