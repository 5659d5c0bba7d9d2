package org.disputeledger.api.security;

import java.util.Locale;
import java.util.Optional;

/**
 * What a caller may do, each role including the ones below it: a viewer reads the read models and streams, an
 * auditor also reads the history, audit and exports, a recorder also sends every write command, an admin also
 * operates the ledger (rebuilds, API keys, metrics).
 */
public enum Role {
    VIEWER,
    AUDITOR,
    RECORDER,
    ADMIN;

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role's name as clients write it: lower case. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role a client names, in any case; empty for anything else. */
    public static Optional<Role> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(value.trim())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
