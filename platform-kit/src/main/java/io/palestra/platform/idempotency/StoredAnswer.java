package io.palestra.platform.idempotency;

import java.util.Map;

/**
 * The first answer to a request with an {@code Idempotency-Key}, replayed to every retry; status 0 while that request
 * has not answered yet.
 */
record StoredAnswer(String requestHash, int status, String contentType, Map<String, String> headers, byte[] body) {

    boolean running() {
        return status == 0;
    }
}
