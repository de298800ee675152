package io.palestra.platform.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Turns a validated token into an authentication whose authorities are the caller's roles. */
class CallerAuthentication implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Caller caller = Callers.from(jwt);
        return new JwtAuthenticationToken(jwt,
                caller.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList(),
                jwt.getSubject());
    }
}
