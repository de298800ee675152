package io.palestra.gateway.security;

import io.palestra.gateway.problem.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * The gateway checks the caller's JWT (issuer, signature, expiry, audience: see application.yml) and relays the
 * Authorization header unchanged; each service checks it again and enforces organisation, site and role. Only
 * probes, metrics, API documents and the development token route are open; everything else needs a valid token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String[] OPEN = {
            "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**",
            "/dev/token",
            // A member opens a payment link without an account (its token is the credential); a payment provider
            // signs its webhooks: billing-service checks both.
            "/api/v1/payments/links/*", "/api/v1/payments/links/*/checkout", "/api/v1/payments/webhooks/*"};

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ProblemResponses problems) {
        ProblemAnswers answers = new ProblemAnswers(problems);
        return http
                // Bearer tokens, no cookies and no sessions: nothing for CSRF to forge, nothing to remember.
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(OPEN).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(answers)
                        .accessDeniedHandler(answers))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(answers)
                        .accessDeniedHandler(answers))
                .build();
    }
}
