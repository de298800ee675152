package io.palestra.platform.web;

import io.palestra.platform.axon.Metadata;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Builds and writes RFC 9457 problem answers. Every one carries a stable {@code code}, the request path as
 * {@code instance} and the {@code correlationId} to quote to support.
 */
public final class Problems {

    private final JsonMapper json;

    public Problems(JsonMapper json) {
        this.json = json.rebuild().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
    }

    /** A problem for {@code status} with a stable {@code code} and a human {@code detail}. */
    public static ProblemDetail of(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return decorate(problem, code);
    }

    /** Adds the Palestra properties to a problem built elsewhere (Spring MVC, Spring Security). */
    public static ProblemDetail decorate(ProblemDetail problem, String code) {
        problem.setType(URI.create("urn:palestra:problem:" + code));
        problem.setProperty("code", code);
        String correlationId = MDC.get(Metadata.MDC_CORRELATION_ID);
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        return problem;
    }

    /** A 400 listing what is wrong with each named field. */
    public static ProblemDetail invalid(String detail, List<FieldError> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, ProblemCodes.VALIDATION_FAILED, detail);
        problem.setProperty("errors", errors.stream().map(FieldError::asMap).toList());
        return problem;
    }

    /** Writes a problem straight to a servlet response, for filters that answer before any controller. */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem,
                      Map<String, String> headers) throws IOException {
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        response.setStatus(problem.getStatus());
        headers.forEach(response::setHeader);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    /** One field's problem: {@code field} is a JSON path like {@code address.city} or a header/parameter name. */
    public record FieldError(String field, String message) {

        Map<String, String> asMap() {
            return Map.of("field", field, "message", message);
        }
    }
}
