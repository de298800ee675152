package io.palestra.gateway.personal;

import io.palestra.gateway.problem.Problem;
import io.palestra.gateway.problem.ProblemCodes;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A member's personal data export: every service's sections, or a problem. An access request answered in part
 * would wrongly tell the member that the platform holds nothing more, so a missing part fails the whole export.
 *
 * @param services every service's sections, by service name
 */
record PersonalDataDocument(UUID memberId, UUID organizationId, Instant generatedAt, Map<String, JsonNode> services) {

    /** members-service owns the member records: it alone knows whether the member exists for the caller. */
    static final String MEMBERS_SERVICE = "members-service";

    /**
     * The document, or why there is none: the member is not the caller's to see (members-service's 404), the caller
     * may not export (any service's 401 or 403), or a part is missing (503 naming the services that did not give it).
     */
    static Result assemble(UUID memberId, UUID organizationId, Instant now, List<ServiceAnswer> answers) {
        for (ServiceAnswer answer : answers) {
            if (answer.service().equals(MEMBERS_SERVICE) && answer.status() == 404) {
                return Result.refused(relayed(answer));
            }
        }
        for (ServiceAnswer answer : answers) {
            if (answer.status() == 401 || answer.status() == 403) {
                return Result.refused(relayed(answer));
            }
        }
        List<String> missing = answers.stream().filter(answer -> !answer.exported()).map(ServiceAnswer::service)
                .toList();
        if (!missing.isEmpty()) {
            return Result.refused(Problem.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemCodes.SERVICE_UNAVAILABLE,
                            "The part of " + String.join(", ", missing) + " is missing, and an export is never "
                                    + "answered in part; retry shortly")
                    .withProperty("service", missing.get(0))
                    .withProperty("services", missing));
        }
        Map<String, JsonNode> services = new LinkedHashMap<>();
        answers.forEach(answer -> services.put(answer.service(), answer.sections()));
        return Result.exported(new PersonalDataDocument(memberId, organizationId, now, services));
    }

    /** The service's own problem, as the gateway's: same status, code and detail. */
    private static Problem relayed(ServiceAnswer answer) {
        HttpStatus status = HttpStatus.valueOf(answer.status());
        String code = answer.body().path("code").asString(status == HttpStatus.NOT_FOUND ? "member-not-found"
                : status == HttpStatus.FORBIDDEN ? ProblemCodes.FORBIDDEN : ProblemCodes.UNAUTHORIZED);
        String detail = answer.body().path("detail").asString(status.getReasonPhrase());
        return Problem.of(status, code, detail);
    }

    /** Either a document or a problem. */
    record Result(PersonalDataDocument document, Problem problem) {

        static Result exported(PersonalDataDocument document) {
            return new Result(document, null);
        }

        static Result refused(Problem problem) {
            return new Result(null, problem);
        }
    }
}
