package io.palestra.members.settings;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/**
 * Commands and events of an organisation's member settings: the tags staff file members under (categories and their
 * sub-categories) and the marketing preferences members opt in to. Commands target {@link MemberSettings#idOf}.
 */
public final class SettingsMessages {

    private SettingsMessages() {
    }

    /** A category when {@code parentId} is null, else a sub-category of that category. */
    public record DefineTag(@TargetAggregateIdentifier UUID settingsId, UUID organizationId, UUID tagId,
                            UUID parentId, String name) {
    }

    public record RenameTag(@TargetAggregateIdentifier UUID settingsId, UUID organizationId, UUID tagId,
                            String name) {
    }

    /** Removes the tag, and with a category its sub-categories; members lose them. */
    public record RemoveTag(@TargetAggregateIdentifier UUID settingsId, UUID organizationId, UUID tagId) {
    }

    public record DefineMarketingPreference(@TargetAggregateIdentifier UUID settingsId, UUID organizationId,
                                            UUID preferenceId, String name, String description) {
    }

    public record ChangeMarketingPreference(@TargetAggregateIdentifier UUID settingsId, UUID organizationId,
                                            UUID preferenceId, String name, String description) {
    }

    /** No one can opt in any more; the consents given stay in the members' histories. */
    public record RetireMarketingPreference(@TargetAggregateIdentifier UUID settingsId, UUID organizationId,
                                            UUID preferenceId) {
    }

    public record TagDefined(UUID organizationId, UUID tagId, UUID parentId, String name) {
    }

    public record TagRenamed(UUID organizationId, UUID tagId, String name) {
    }

    /** {@code removedTagIds}: the tag and, for a category, its sub-categories. */
    public record TagRemoved(UUID organizationId, UUID tagId, List<UUID> removedTagIds) {
    }

    public record MarketingPreferenceDefined(UUID organizationId, UUID preferenceId, String name,
                                             String description) {
    }

    public record MarketingPreferenceChanged(UUID organizationId, UUID preferenceId, String name,
                                             String description) {
    }

    public record MarketingPreferenceRetired(UUID organizationId, UUID preferenceId) {
    }
}
