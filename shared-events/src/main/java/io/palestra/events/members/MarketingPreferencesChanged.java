package io.palestra.events.members;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Nullable;

import java.util.List;
import java.util.UUID;

/**
 * The marketing preferences the organisation offers, whole, after one was added, changed or retired: keep the
 * latest per organisation. A retired preference is no longer listed; consents given to it stay in the history.
 *
 * @param organizationId the organisation (also the record key)
 * @param preferences    the preferences offered
 */
@JsonTypeName("palestra.members.MarketingPreferencesChanged.v1")
public record MarketingPreferencesChanged(UUID organizationId, List<MarketingPreference> preferences)
        implements MembersEvent {

    /**
     * @param id          the preference
     * @param name        its name, e.g. "Newsletter"
     * @param description what members receive
     */
    public record MarketingPreference(UUID id, String name, @Nullable String description) {
    }
}
