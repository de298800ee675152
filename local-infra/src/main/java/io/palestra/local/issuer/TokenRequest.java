package io.palestra.local.issuer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What a caller asks the development issuer for.
 *
 * @param organizationId the organisation the token acts in; null only for a platform admin
 * @param siteIds        the sites the token is restricted to; null means every site of the organisation
 * @param roles          at least one of {@link #ROLES}
 * @param subject        who the caller is, e.g. {@code alice}
 */
public record TokenRequest(UUID organizationId, List<UUID> siteIds, List<String> roles, String subject) {

    /** The roles Palestra knows; the services enforce what each may do. */
    public static final Set<String> ROLES = Set.of(
            "platform-admin", "owner", "manager", "front-desk", "coach", "integration", "analyst");

    public static TokenRequest platformAdmin(String subject) {
        return new TokenRequest(null, null, List.of("platform-admin"), subject);
    }

    public static TokenRequest staff(UUID organizationId, String role, String subject) {
        return new TokenRequest(organizationId, null, List.of(role), subject);
    }

    /** The reasons this request cannot be granted; empty when it can. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (roles == null || roles.isEmpty()) {
            problems.add("roles: at least one role is needed, among " + new TreeSet<>(ROLES));
        } else {
            roles.stream().filter(role -> !ROLES.contains(role))
                    .forEach(role -> problems.add("roles: unknown role '" + role + "', expected one of "
                            + new TreeSet<>(ROLES)));
            if (organizationId == null && !roles.contains("platform-admin")) {
                problems.add("organizationId: required unless the token is for a platform-admin");
            }
        }
        if (subject == null || subject.isBlank()) {
            problems.add("subject: required, e.g. \"alice\"");
        }
        if (siteIds != null && siteIds.stream().anyMatch(Objects::isNull)) {
            problems.add("siteIds: contains an empty entry");
        }
        return problems;
    }
}
