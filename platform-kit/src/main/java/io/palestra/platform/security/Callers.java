package io.palestra.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads the {@link Caller} of the current request from its token. */
public final class Callers {

    /** Claim with the organisation id; absent for a platform admin. */
    public static final String ORGANIZATION_CLAIM = "organization_id";
    /** Claim with the site ids the caller is restricted to; absent means every site. */
    public static final String SITES_CLAIM = "site_ids";
    /** Claim with the caller's roles, e.g. {@code ["manager"]}. */
    public static final String ROLES_CLAIM = "roles";

    private Callers() {
    }

    /** The caller of the current request; empty outside a request (an inbound event, a scheduled job). */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            return Optional.of(from(jwt));
        }
        return Optional.empty();
    }

    /**
     * Reads a caller from a validated token.
     *
     * @throws InvalidBearerTokenException when a Palestra claim is malformed
     */
    public static Caller from(Jwt jwt) {
        try {
            Optional<UUID> organization = Optional.ofNullable(jwt.getClaimAsString(ORGANIZATION_CLAIM))
                    .map(UUID::fromString);
            List<String> sites = jwt.getClaimAsStringList(SITES_CLAIM);
            Optional<Set<UUID>> siteIds = Optional.ofNullable(sites)
                    .map(values -> values.stream().map(UUID::fromString).collect(Collectors.toSet()));
            List<String> claimed = jwt.getClaimAsStringList(ROLES_CLAIM);
            Set<Role> roles = EnumSet.noneOf(Role.class);
            if (claimed != null) {
                claimed.forEach(value -> Role.fromClaim(value).ifPresent(roles::add));
            }
            if (organization.isEmpty() && !roles.contains(Role.PLATFORM_ADMIN)) {
                throw new InvalidBearerTokenException("The token names no organisation");
            }
            return new Caller(jwt.getSubject(), organization, siteIds, roles);
        } catch (IllegalArgumentException e) {
            throw new InvalidBearerTokenException("The token's organisation or sites are not valid ids");
        }
    }
}
