package io.palestra.members.settings;

import java.util.UUID;

/** What a member's tags and consents may refer to, as the organisation's settings are right now. */
public interface Catalog {

    boolean hasTag(UUID organizationId, UUID tagId);

    boolean offersPreference(UUID organizationId, UUID preferenceId);
}
