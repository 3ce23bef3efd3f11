package org.cadre.identity.web;

import jakarta.servlet.http.HttpSession;
import org.cadre.identity.internal.LoginThrottledException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security processes the form it posts. */
@Controller
class LoginController {

    /** The page shows how long a blocked name waits from what the server put in the session, once. */
    @GetMapping("/login")
    @PreAuthorize("permitAll()")
    String login(HttpSession session, Model model) {
        Object wait = session.getAttribute(LoginThrottledException.WAIT_SECONDS);
        if (wait instanceof Long seconds) {
            model.addAttribute("waitSeconds", seconds);
            session.removeAttribute(LoginThrottledException.WAIT_SECONDS);
        }
        return "login";
    }
}
