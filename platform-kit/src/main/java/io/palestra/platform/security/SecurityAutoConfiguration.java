package io.palestra.platform.security;

import io.palestra.platform.web.ProblemCodes;
import io.palestra.platform.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;
import java.util.Map;

/**
 * Every service is an OAuth2 resource server: a valid JWT from the configured issuer on every API call; health,
 * metrics and API docs are open (keep the management port off the public network), and the paths a service lists in
 * {@code palestra.security.open-paths}, which authenticate their callers by other means (a payment link's token, a
 * provider's signature). Refusals are problems.
 */
@AutoConfiguration(before = {ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
public class SecurityAutoConfiguration {

    @Bean
    SecurityFilterChain palestraSecurity(HttpSecurity http, Problems problems,
                                         @Value("${palestra.security.open-paths:}") String[] openPaths)
            throws Exception {
        if (openPaths.length > 0) {
            http.authorizeHttpRequests(requests -> requests.requestMatchers(openPaths).permitAll());
        }
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new CallerAuthentication()))
                        .authenticationEntryPoint((request, response, failure) -> problems.write(request, response,
                                Problems.of(HttpStatus.UNAUTHORIZED, ProblemCodes.UNAUTHORIZED,
                                        "A valid bearer token is required."),
                                Map.of("WWW-Authenticate", "Bearer")))
                        .accessDeniedHandler((request, response, denied) -> problems.write(request, response,
                                Problems.of(HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN,
                                        "Your role does not allow this operation."), Map.of())))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, failure) -> problems.write(request, response,
                                Problems.of(HttpStatus.UNAUTHORIZED, ProblemCodes.UNAUTHORIZED,
                                        "A valid bearer token is required."),
                                Map.of("WWW-Authenticate", "Bearer"))))
                .build();
    }

    @Bean
    WebMvcConfigurer callerArguments() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }
}
