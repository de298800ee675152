package io.palestra.local.issuer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A development OAuth2 token issuer for the local platform and the tests, never for production. It signs RS256 JWTs
 * with a key generated at start and publishes the public key as a JWKS, so services trust it as they would trust
 * any OIDC provider.
 *
 * <pre>
 * POST /dev/token {"organizationId": "...", "siteIds": [...], "roles": ["manager"], "subject": "alice"}
 *   -> 200 {"access_token": "...", "token_type": "Bearer", "expires_in": 3600}
 * GET  /.well-known/jwks.json
 * GET  /.well-known/openid-configuration
 * </pre>
 */
public final class DevTokenIssuer implements AutoCloseable {

    /** Claim with the organisation id; absent for a platform admin. */
    public static final String ORGANIZATION_CLAIM = "organization_id";
    /** Claim with the site ids the caller is restricted to; absent means all sites. */
    public static final String SITES_CLAIM = "site_ids";
    /** Claim with the caller's roles. */
    public static final String ROLES_CLAIM = "roles";
    /** Audience of every token. */
    public static final String AUDIENCE = "palestra";

    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final RSAKey key;
    private final HttpServer server;
    private final String issuer;

    private DevTokenIssuer(RSAKey key, HttpServer server, String issuer) {
        this.key = key;
        this.server = server;
        this.issuer = issuer;
    }

    /** Starts the issuer on {@code port} of the loopback interface (0 picks a free port). */
    public static DevTokenIssuer start(int port) {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            String issuer = "http://localhost:" + server.getAddress().getPort();
            DevTokenIssuer tokenIssuer = new DevTokenIssuer(key, server, issuer);
            server.createContext("/dev/token", tokenIssuer::token);
            server.createContext("/.well-known/jwks.json", exchange ->
                    tokenIssuer.answerGet(exchange, new JWKSet(key.toPublicJWK()).toString()));
            server.createContext("/.well-known/openid-configuration", exchange ->
                    tokenIssuer.answerGet(exchange, JSON.writeValueAsString(tokenIssuer.discovery())));
            server.createContext("/", exchange -> tokenIssuer.problem(exchange, 404, "Not Found",
                    "The development issuer serves /dev/token and /.well-known/jwks.json"));
            server.setExecutor(Executors.newFixedThreadPool(2));
            server.start();
            return tokenIssuer;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the development token issuer on port " + port, e);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate the signing key", e);
        }
    }

    /** The {@code iss} of every token, e.g. {@code http://localhost:8089}. */
    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/.well-known/jwks.json";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Signs a token for {@code request}, which must have no {@link TokenRequest#problems()}. */
    public String sign(TokenRequest request) {
        List<String> problems = request.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(request.subject())
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .claim(ROLES_CLAIM, request.roles());
        if (request.organizationId() != null) {
            claims.claim(ORGANIZATION_CLAIM, request.organizationId().toString());
        }
        if (request.siteIds() != null) {
            claims.claim(SITES_CLAIM, request.siteIds().stream().map(UUID::toString).toList());
        }
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
        return jwt.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void token(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().add("Allow", "POST");
            problem(exchange, 405, "Method Not Allowed", "POST a JSON token request to /dev/token");
            return;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            problem(exchange, 415, "Unsupported Media Type", "Send the token request as application/json");
            return;
        }
        TokenRequest request;
        try (InputStream body = exchange.getRequestBody()) {
            request = JSON.readValue(body.readNBytes(64 * 1024), TokenRequest.class);
        } catch (JacksonException e) {
            problem(exchange, 400, "Bad Request", "The token request is not valid JSON for "
                    + "{organizationId, siteIds, roles, subject}: " + e.getOriginalMessage());
            return;
        }
        List<String> problems = request == null ? List.of("the body is empty") : request.problems();
        if (!problems.isEmpty()) {
            problem(exchange, 400, "Bad Request", String.join("; ", problems));
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", sign(request));
        answer.put("token_type", "Bearer");
        answer.put("expires_in", LIFETIME.toSeconds());
        send(exchange, 200, "application/json", JSON.writeValueAsString(answer));
    }

    private Map<String, Object> discovery() {
        Map<String, Object> discovery = new LinkedHashMap<>();
        discovery.put("issuer", issuer);
        discovery.put("jwks_uri", jwkSetUri());
        discovery.put("token_endpoint", issuer + "/dev/token");
        discovery.put("id_token_signing_alg_values_supported", List.of("RS256"));
        discovery.put("subject_types_supported", List.of("public"));
        discovery.put("response_types_supported", List.of("token"));
        return discovery;
    }

    private void answerGet(HttpExchange exchange, String json) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().add("Allow", "GET");
            problem(exchange, 405, "Method Not Allowed", "Use GET");
            return;
        }
        send(exchange, 200, "application/json", json);
    }

    private void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("code", switch (status) {
            case 400 -> "validation-failed";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 415 -> "unsupported-media-type";
            default -> "error";
        });
        send(exchange, status, "application/problem+json", JSON.writeValueAsString(problem));
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
