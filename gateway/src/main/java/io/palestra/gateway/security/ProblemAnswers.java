package io.palestra.gateway.security;

import io.palestra.gateway.problem.Problem;
import io.palestra.gateway.problem.ProblemCodes;
import io.palestra.gateway.problem.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Security refusals as Palestra problems, with the RFC 6750 challenge a client library expects. */
class ProblemAnswers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final ProblemResponses problems;

    ProblemAnswers(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        // A token that was sent and refused gets error="invalid_token"; no token at all gets the bare challenge.
        boolean refused = failure instanceof OAuth2AuthenticationException;
        Problem problem = Problem.of(HttpStatus.UNAUTHORIZED, ProblemCodes.UNAUTHORIZED, refused
                        ? "The bearer token was refused: it is malformed, expired, not for audience 'palestra' "
                        + "or not signed by the trusted issuer"
                        : "This API needs a bearer token: send 'Authorization: Bearer <access token>'")
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, refused ? "Bearer error=\"invalid_token\"" : "Bearer");
        return problems.write(exchange, problem);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return problems.write(exchange, Problem.of(HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN,
                "This token does not allow this request"));
    }
}
