package io.palestra.platform.personal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What one service holds about a member: its {@link PersonalDataContributor}s' sections by name, in their order.
 *
 * @param service the service's {@code spring.application.name}
 */
public record PersonalDataExport(String service, UUID memberId, Instant generatedAt, Map<String, Object> sections) {
}
