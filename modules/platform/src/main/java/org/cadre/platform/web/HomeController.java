package org.cadre.platform.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: where a user lands after signing in. */
@Controller
class HomeController {

    @GetMapping("/")
    @PreAuthorize("isAuthenticated()")
    String home() {
        return "home";
    }
}
