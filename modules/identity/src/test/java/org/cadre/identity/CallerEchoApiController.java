package org.cadre.identity;

import java.util.Map;
import org.cadre.platform.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A test-only API: the module has no API of its own, and these tell a test who a call signed in as, and whether the
 * role rules of an endpoint saw the caller's roles.
 */
@RestController
class CallerEchoApiController {

    @GetMapping("/api/test/caller")
    @PreAuthorize("isAuthenticated()")
    Map<String, Object> caller(Caller caller) {
        return Map.of("username", caller.username(), "roles", caller.roles(),
                "organizationScope", caller.organizationScope().map(Object::toString).orElse(""));
    }

    @GetMapping("/api/test/secretaries")
    @PreAuthorize("hasRole('SECRETARY')")
    Map<String, Object> secretaries(Caller caller) {
        return Map.of("username", caller.username());
    }
}
