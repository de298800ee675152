package io.palestra.gateway.personal;

import io.palestra.gateway.correlation.CorrelationId;
import io.palestra.gateway.problem.Problem;
import io.palestra.gateway.problem.ProblemCodes;
import io.palestra.gateway.problem.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code PersonalDataExport}: answers a member's personal data export (GDPR access request) at the gateway, from
 * the part every service holds, instead of routing the request. Being a route, it is rate limited, measured and
 * correlated like the others.
 */
@Component
class PersonalDataExportGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataExportGatewayFilterFactory.class);

    private final ExportParts parts;
    private final ProblemResponses problems;
    private final JsonMapper json;

    PersonalDataExportGatewayFilterFactory(ExportParts parts, ProblemResponses problems, JsonMapper json) {
        this.parts = parts;
        this.problems = problems;
        this.json = json;
    }

    @Override
    public GatewayFilter apply(Object config) {
        return (exchange, chain) -> export(exchange);
    }

    private Mono<Void> export(ServerWebExchange exchange) {
        Optional<UUID> memberId = uuid(ServerWebExchangeUtils.getUriTemplateVariables(exchange).get("id"));
        if (memberId.isEmpty()) {
            return problems.write(exchange, Problem.of(HttpStatus.NOT_FOUND, ProblemCodes.NOT_FOUND,
                    "No such resource here."));
        }
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return parts.gather(memberId.get(), authorization, CorrelationId.of(exchange))
                .zipWith(organization(exchange))
                .flatMap(gathered -> answer(exchange, memberId.get(), gathered.getT2().orElse(null),
                        gathered.getT1()));
    }

    private Mono<Void> answer(ServerWebExchange exchange, UUID memberId, UUID organizationId,
                              List<ServiceAnswer> answers) {
        PersonalDataDocument.Result result = PersonalDataDocument.assemble(memberId, organizationId, Instant.now(),
                answers);
        if (result.problem() == null) {
            return write(exchange, result.document());
        }
        if (result.problem().status() == HttpStatus.SERVICE_UNAVAILABLE) {
            answers.stream().filter(answer -> !answer.exported()).forEach(answer -> log.warn(
                    "{} gave no part of the personal data export of member {}: {}", answer.service(), memberId,
                    answer.trouble()));
        }
        return problems.write(exchange, result.problem());
    }

    private Mono<Void> write(ServerWebExchange exchange, PersonalDataDocument document) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.OK);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        byte[] body = json.writeValueAsBytes(document);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    private static Mono<Optional<UUID>> organization(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> uuid(((JwtAuthenticationToken) principal).getToken()
                        .getClaimAsString("organization_id")))
                .defaultIfEmpty(Optional.empty());
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
