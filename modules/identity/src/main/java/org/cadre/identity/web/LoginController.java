package org.cadre.identity.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security processes the form it posts. */
@Controller
class LoginController {

    @GetMapping("/login")
    @PreAuthorize("permitAll()")
    String login() {
        return "login";
    }
}
