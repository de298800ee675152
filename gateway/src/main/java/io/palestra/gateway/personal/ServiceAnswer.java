package io.palestra.gateway.personal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * What one service answered when asked for its part of a member's data: a status and a JSON body, or, when it did
 * not answer, why ({@code status} 0).
 */
record ServiceAnswer(String service, int status, JsonNode body, String failure) {

    static ServiceAnswer answered(String service, int status, JsonNode body) {
        return new ServiceAnswer(service, status, body, null);
    }

    static ServiceAnswer unanswered(String service, String failure) {
        return new ServiceAnswer(service, 0, MissingNode.getInstance(), failure);
    }

    /** The service's sections, when it answered its part. */
    boolean exported() {
        return status == 200 && body.path("sections").isObject();
    }

    JsonNode sections() {
        return body.path("sections");
    }

    /** Why the part is missing, for the logs. */
    String trouble() {
        if (failure != null) {
            return failure;
        }
        return status == 200 ? "answered no export" : "answered " + status + " " + body.path("code").asString("");
    }
}
