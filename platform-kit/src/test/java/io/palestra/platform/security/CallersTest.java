package io.palestra.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallersTest {

    private static final UUID ORGANIZATION = UUID.randomUUID();
    private static final UUID SITE = UUID.randomUUID();

    @Test
    void readsTheOrganisationTheSitesAndTheRolesOfAToken() {
        Caller caller = Callers.from(jwt(Map.of("organization_id", ORGANIZATION.toString(),
                "site_ids", List.of(SITE.toString()), "roles", List.of("front-desk", "coach", "unknown-role"))));

        assertThat(caller.subject()).isEqualTo("alice");
        assertThat(caller.organization()).isEqualTo(ORGANIZATION);
        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.FRONT_DESK, Role.COACH);
        assertThat(caller.sees(SITE)).isTrue();
        assertThat(caller.sees(UUID.randomUUID())).isFalse();
        assertThat(caller.actsIn(ORGANIZATION)).isTrue();
        assertThat(caller.actsIn(UUID.randomUUID())).isFalse();
    }

    @Test
    void withoutSitesTheCallerSeesEverySite() {
        Caller caller = Callers.from(jwt(Map.of("organization_id", ORGANIZATION.toString(),
                "roles", List.of("manager"))));

        assertThat(caller.siteIds()).isEmpty();
        assertThat(caller.sees(UUID.randomUUID())).isTrue();
    }

    @Test
    void aPlatformAdminActsInEveryOrganisationButNamesNone() {
        Caller admin = Callers.from(jwt(Map.of("roles", List.of("platform-admin"))));

        assertThat(admin.isPlatformAdmin()).isTrue();
        assertThat(admin.actsIn(UUID.randomUUID())).isTrue();
        assertThat(admin.organizationId()).isEmpty();
    }

    @Test
    void refusesStaffWithoutOrganisationAndMalformedIds() {
        assertThatThrownBy(() -> Callers.from(jwt(Map.of("roles", List.of("manager")))))
                .isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> Callers.from(jwt(Map.of("organization_id", "not-a-uuid",
                "roles", List.of("manager"))))).isInstanceOf(InvalidBearerTokenException.class);
    }

    @Test
    void aCallerIsImmutable() {
        Caller caller = new Caller("x", Optional.of(ORGANIZATION), Optional.of(new java.util.HashSet<>(Set.of(SITE))),
                new java.util.HashSet<>(Set.of(Role.OWNER)));
        assertThatThrownBy(() -> caller.roles().add(Role.COACH)).isInstanceOf(UnsupportedOperationException.class);
    }

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("token").header("alg", "RS256").subject("alice")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }
}
