package io.palestra.events.members;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Nullable;
import io.palestra.events.PostalAddress;

import java.util.UUID;

/**
 * A site (a club, studio or centre of the chain) was added to an organisation. The record key is the organisation id.
 *
 * @param organizationId the organisation
 * @param siteId         the new site's id
 * @param name           the site's name as members see it
 * @param timeZone       IANA zone of the site: class times, ages and opening hours are in this zone
 * @param address        where the site is; may be null
 */
@JsonTypeName("palestra.members.SiteAdded.v1")
public record SiteAdded(UUID organizationId, UUID siteId, String name, String timeZone,
                        @Nullable PostalAddress address)
        implements MembersEvent {
}
