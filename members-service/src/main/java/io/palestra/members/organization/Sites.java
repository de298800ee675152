package io.palestra.members.organization;

import java.util.UUID;

/** Whether a site belongs to an organisation, as the organisation aggregate knows it right now. */
public interface Sites {

    boolean exists(UUID organizationId, UUID siteId);
}
