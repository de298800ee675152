package io.palestra.members.settings;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What can be asked about an organisation's member settings, and the answers. */
public final class SettingsQueries {

    private SettingsQueries() {
    }

    public record FindTags(UUID organizationId) {
    }

    /** {@code includeRetired}: also the preferences no one can opt in to any more. */
    public record FindMarketingPreferences(UUID organizationId, boolean includeRetired) {
    }

    /** The tag tree: categories by name, each with its sub-categories by name. */
    public record TagTree(List<Category> categories) {
    }

    public record Category(UUID id, String name, List<SubCategory> subCategories) {
    }

    public record SubCategory(UUID id, String name) {
    }

    public record MarketingPreferenceView(UUID id, String name, String description, Instant createdAt,
                                          Instant retiredAt) {
    }
}
