package org.disputeledger.api.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who records a write: always the authenticated caller, never anything the request says. The security rules
 * let no anonymous write through, so an anonymous caller here is a wiring fault and refused as unauthenticated.
 */
public final class Recorders {

    private Recorders() {
    }

    /** The name recorded on the events of the current request's write. */
    public static String current() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || caller instanceof AnonymousAuthenticationToken || !caller.isAuthenticated()) {
            throw new InsufficientAuthenticationException("a write needs an authenticated caller");
        }
        return caller.getName();
    }
}
