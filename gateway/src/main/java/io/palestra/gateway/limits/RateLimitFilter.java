package io.palestra.gateway.limits;

import io.github.bucket4j.ConsumptionProbe;
import io.palestra.gateway.problem.Problem;
import io.palestra.gateway.problem.ProblemCodes;
import io.palestra.gateway.problem.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Limits the routed requests of each client: a token's subject within its organisation, or the IP address of a
 * caller without a token (the development token route, the API documents). Every answer says how many requests are
 * left; a refusal says when to retry.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

    private static final String REMAINING = "X-RateLimit-Remaining";
    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final ClientBuckets buckets;
    private final ProblemResponses problems;

    RateLimitFilter(ClientBuckets buckets, ProblemResponses problems) {
        this.buckets = buckets;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return client(exchange).flatMap(client -> {
            ConsumptionProbe probe = buckets.take(client);
            // At commit time, as the routed service's headers are added to the answer before it is sent.
            exchange.getResponse().beforeCommit(() -> {
                exchange.getResponse().getHeaders().set(REMAINING, Long.toString(probe.getRemainingTokens()));
                return Mono.empty();
            });
            if (probe.isConsumed()) {
                return chain.filter(exchange);
            }
            long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
            log.debug("Rate limited {} on {} for {} s", client, exchange.getRequest().getPath(), retryAfter);
            return problems.write(exchange, Problem.of(HttpStatus.TOO_MANY_REQUESTS, ProblemCodes.RATE_LIMITED,
                            "Too many requests from this client; retry in " + retryAfter + " s")
                    .withHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter)));
        });
    }

    private static Mono<String> client(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> {
                    JwtAuthenticationToken token = (JwtAuthenticationToken) principal;
                    return "token:" + token.getToken().getClaimAsString("organization_id") + "/"
                            + token.getToken().getSubject();
                })
                .defaultIfEmpty(address(exchange));
    }

    private static String address(ServerWebExchange exchange) {
        // The peer's address, not X-Forwarded-For: a header any caller can write would let it pick its own bucket.
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return "ip:" + (remote != null && remote.getAddress() != null
                ? remote.getAddress().getHostAddress() : "unknown");
    }

    @Override
    public int getOrder() {
        // Before any routing work is done for a request that will be refused.
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
