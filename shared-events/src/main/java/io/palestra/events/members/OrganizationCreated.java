package io.palestra.events.members;

import com.fasterxml.jackson.annotation.JsonTypeName;

import java.util.UUID;

/**
 * A club chain was set up on the platform. Its sites follow as {@link SiteAdded}, one per site.
 *
 * @param organizationId the organisation's id (also the record key)
 * @param name           the chain's name
 * @param currency       ISO 4217 code of the money it charges in, e.g. {@code EUR}
 * @param timeZone       IANA zone of the head office, e.g. {@code Europe/Paris}
 * @param locale         BCP 47 language tag used for documents and messages, e.g. {@code fr-FR}
 */
@JsonTypeName("palestra.members.OrganizationCreated.v1")
public record OrganizationCreated(UUID organizationId, String name, String currency, String timeZone,
                                  String locale) implements MembersEvent {
}
