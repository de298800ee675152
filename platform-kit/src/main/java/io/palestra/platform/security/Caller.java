package io.palestra.platform.security;

import org.springframework.security.access.AccessDeniedException;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, from the validated token: the subject, the organisation it acts in (none for a platform admin),
 * the sites it is restricted to (empty optional: every site of the organisation) and its roles.
 */
public record Caller(String subject, Optional<UUID> organizationId, Optional<Set<UUID>> siteIds, Set<Role> roles) {

    public Caller {
        roles = Set.copyOf(roles);
        siteIds = siteIds.map(Set::copyOf);
    }

    public boolean has(Role... any) {
        return Arrays.stream(any).anyMatch(roles::contains);
    }

    public boolean isPlatformAdmin() {
        return roles.contains(Role.PLATFORM_ADMIN);
    }

    /**
     * The organisation the caller acts in.
     *
     * @throws AccessDeniedException when the token names none
     */
    public UUID organization() {
        return organizationId.orElseThrow(() -> new AccessDeniedException(
                "This operation acts within an organisation, and the token names none"));
    }

    /** Whether the caller acts in {@code organization}; a platform admin acts in every one. */
    public boolean actsIn(UUID organization) {
        return isPlatformAdmin() || organizationId.map(organization::equals).orElse(false);
    }

    /** Whether the token lets the caller see {@code site} (of its own organisation). */
    public boolean sees(UUID site) {
        return siteIds.map(sites -> sites.contains(site)).orElse(true);
    }
}
