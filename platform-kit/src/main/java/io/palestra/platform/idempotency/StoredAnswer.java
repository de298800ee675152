package io.palestra.platform.idempotency;

import java.util.Map;

/** The first successful answer to a request with an {@code Idempotency-Key}, replayed to every retry. */
record StoredAnswer(String requestHash, int status, String contentType, Map<String, String> headers, byte[] body) {
}
