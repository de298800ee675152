package io.palestra.gateway.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem the gateway answers itself, with its stable {@code code}. {@link ProblemResponses} adds the
 * {@code type}, {@code title}, {@code instance} and {@code correlationId} every Palestra problem carries.
 *
 * @param properties extra members of the problem, e.g. {@code service}
 * @param headers    headers that go with the answer, e.g. {@code Retry-After}
 */
public record Problem(HttpStatus status, String code, String detail, Map<String, Object> properties,
                      HttpHeaders headers) {

    public static Problem of(HttpStatus status, String code, String detail) {
        return new Problem(status, code, detail, Map.of(), new HttpHeaders());
    }

    public Problem withProperty(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(properties);
        more.put(name, value);
        return new Problem(status, code, detail, more, headers);
    }

    public Problem withHeader(String name, String value) {
        HttpHeaders more = new HttpHeaders();
        more.addAll(headers);
        more.set(name, value);
        return new Problem(status, code, detail, properties, more);
    }
}
