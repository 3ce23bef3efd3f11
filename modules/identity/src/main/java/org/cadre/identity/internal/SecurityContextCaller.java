package org.cadre.identity.internal;

import org.cadre.identity.CallerAuthentication;
import org.cadre.platform.Caller;
import org.cadre.platform.CurrentCaller;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The one place that reads the security context: the caller is the principal identity put there at sign-in. */
@Component
class SecurityContextCaller implements CurrentCaller {

    @Override
    public Caller get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CallerAuthentication signedIn && signedIn.isAuthenticated()) {
            return signedIn.caller();
        }
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof Caller caller) {
            return caller;
        }
        return Caller.anonymous();
    }
}
