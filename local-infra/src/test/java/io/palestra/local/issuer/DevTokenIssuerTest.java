package io.palestra.local.issuer;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DevTokenIssuerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static DevTokenIssuer issuer;

    @BeforeAll
    static void start() {
        issuer = DevTokenIssuer.start(0);
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void signsATokenTheJwksVerifiesWithTheAskedClaims() throws Exception {
        UUID organization = UUID.randomUUID();
        UUID site = UUID.randomUUID();
        HttpResponse<String> answer = post("""
                {"organizationId": "%s", "siteIds": ["%s"], "roles": ["manager"], "subject": "alice"}
                """.formatted(organization, site), "application/json");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asInt()).isEqualTo(3600);

        SignedJWT jwt = SignedJWT.parse(body.get("access_token").asString());
        RSAKey key = JWKSet.parse(get("/.well-known/jwks.json").body()).getKeys().get(0).toRSAKey();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(issuer.issuer());
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("alice");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("organization_id")).isEqualTo(organization.toString());
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("site_ids")).containsExactly(site.toString());
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("manager");
    }

    @Test
    void aPlatformAdminNeedsNoOrganisationAndGetsNoSiteRestriction() throws Exception {
        SignedJWT jwt = SignedJWT.parse(issuer.sign(TokenRequest.platformAdmin("root")));
        assertThat(jwt.getJWTClaimsSet().getClaim("organization_id")).isNull();
        assertThat(jwt.getJWTClaimsSet().getClaim("site_ids")).isNull();
    }

    @Test
    void refusesStaffWithoutOrganisationAndUnknownRolesWithAProblem() throws Exception {
        HttpResponse<String> answer = post("""
                {"roles": ["manger"], "subject": "bob"}""", "application/json");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(answer.body()).contains("unknown role 'manger'").contains("organizationId: required");
    }

    @Test
    void refusesMalformedJsonAndOtherMediaTypes() throws Exception {
        assertThat(post("{\"roles\": [", "application/json").statusCode()).isEqualTo(400);
        assertThat(post("roles=manager", "application/x-www-form-urlencoded").statusCode()).isEqualTo(415);
    }

    @Test
    void publishesADiscoveryDocumentNamingTheJwks() throws Exception {
        JsonNode discovery = JSON.readTree(get("/.well-known/openid-configuration").body());
        assertThat(discovery.get("issuer").asString()).isEqualTo(issuer.issuer());
        assertThat(discovery.get("jwks_uri").asString()).isEqualTo(issuer.jwkSetUri());
    }

    @Test
    void signRefusesARequestWithProblems() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> issuer.sign(
                        new TokenRequest(null, List.of(), List.of("coach"), "carol")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("organizationId");
    }

    private static HttpResponse<String> post(String body, String contentType) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(issuer.issuer() + "/dev/token"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(issuer.issuer() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
