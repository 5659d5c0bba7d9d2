package org.disputeledger.api.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A caller who presented an API key (or the bootstrap admin key); {@code name} is what its writes record. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final String name;
    private final Role role;

    ApiKeyAuthentication(String name, Role role) {
        super(List.of(new SimpleGrantedAuthority(role.authority())));
        this.name = name;
        this.role = role;
        setAuthenticated(true);
    }

    Role role() {
        return role;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return name;
    }
}
