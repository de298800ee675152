package io.palestra.members.integration;

import io.palestra.events.members.MarketingPreferencesChanged;
import io.palestra.events.members.MarketingPreferencesChanged.MarketingPreference;
import io.palestra.events.members.TagCatalogChanged;
import io.palestra.events.members.TagCatalogChanged.TagDefinition;
import io.palestra.members.settings.SettingsMessages.MarketingPreferenceChanged;
import io.palestra.members.settings.SettingsMessages.MarketingPreferenceDefined;
import io.palestra.members.settings.SettingsMessages.MarketingPreferenceRetired;
import io.palestra.members.settings.SettingsMessages.TagDefined;
import io.palestra.members.settings.SettingsMessages.TagRemoved;
import io.palestra.members.settings.SettingsMessages.TagRenamed;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An organisation's tags and marketing preferences folded from its settings events, for the whole-state records
 * {@link TagCatalogChanged} and {@link MarketingPreferencesChanged}.
 */
final class SettingsFold {

    private UUID organizationId;
    private final Map<UUID, TagDefinition> tags = new LinkedHashMap<>();
    private final Map<UUID, MarketingPreference> preferences = new LinkedHashMap<>();

    static boolean changesTags(Object event) {
        return event instanceof TagDefined || event instanceof TagRenamed || event instanceof TagRemoved;
    }

    static boolean changesPreferences(Object event) {
        return event instanceof MarketingPreferenceDefined || event instanceof MarketingPreferenceChanged
                || event instanceof MarketingPreferenceRetired;
    }

    void apply(Object event) {
        if (event instanceof TagDefined defined) {
            organizationId = defined.organizationId();
            tags.put(defined.tagId(), new TagDefinition(defined.tagId(), defined.name(), defined.parentId()));
        } else if (event instanceof TagRenamed renamed) {
            tags.computeIfPresent(renamed.tagId(), (id, tag) -> new TagDefinition(id, renamed.name(), tag.parentId()));
        } else if (event instanceof TagRemoved removed) {
            removed.removedTagIds().forEach(tags::remove);
        } else if (event instanceof MarketingPreferenceDefined defined) {
            organizationId = defined.organizationId();
            preferences.put(defined.preferenceId(), new MarketingPreference(defined.preferenceId(), defined.name(),
                    defined.description()));
        } else if (event instanceof MarketingPreferenceChanged changed) {
            preferences.put(changed.preferenceId(), new MarketingPreference(changed.preferenceId(), changed.name(),
                    changed.description()));
        } else if (event instanceof MarketingPreferenceRetired retired) {
            preferences.remove(retired.preferenceId());
        }
    }

    TagCatalogChanged tagCatalog() {
        return new TagCatalogChanged(organizationId, tags.values().stream()
                .sorted(Comparator.comparing((TagDefinition tag) -> tag.parentId() != null))
                .toList());
    }

    MarketingPreferencesChanged preferences() {
        return new MarketingPreferencesChanged(organizationId, preferences.values().stream().toList());
    }
}
