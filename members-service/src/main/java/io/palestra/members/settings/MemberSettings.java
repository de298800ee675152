package io.palestra.members.settings;

import io.palestra.members.settings.SettingsMessages.ChangeMarketingPreference;
import io.palestra.members.settings.SettingsMessages.DefineMarketingPreference;
import io.palestra.members.settings.SettingsMessages.DefineTag;
import io.palestra.members.settings.SettingsMessages.MarketingPreferenceChanged;
import io.palestra.members.settings.SettingsMessages.MarketingPreferenceDefined;
import io.palestra.members.settings.SettingsMessages.MarketingPreferenceRetired;
import io.palestra.members.settings.SettingsMessages.RemoveTag;
import io.palestra.members.settings.SettingsMessages.RenameTag;
import io.palestra.members.settings.SettingsMessages.RetireMarketingPreference;
import io.palestra.members.settings.SettingsMessages.TagDefined;
import io.palestra.members.settings.SettingsMessages.TagRemoved;
import io.palestra.members.settings.SettingsMessages.TagRenamed;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.errors.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * How an organisation files its members: tags (categories, each with sub-categories, as in bsport's "Mes tags") and
 * the marketing preferences members opt in to. One per organisation, started by its first definition. Rules: names
 * unique among siblings whatever the case; sub-categories one level deep; bounded sizes, so that pickers stay usable.
 */
@Aggregate
public class MemberSettings {

    static final int MAX_TAGS = 300;
    static final int MAX_PREFERENCES = 50;

    @AggregateIdentifier
    private UUID settingsId;
    private UUID organizationId;
    private final Map<UUID, TagEntry> tags = new LinkedHashMap<>();
    private final Map<UUID, PreferenceEntry> preferences = new LinkedHashMap<>();

    protected MemberSettings() {
    }

    /** The settings of an organisation have an id of their own, derived from the organisation's. */
    public static UUID idOf(UUID organizationId) {
        return UUID.nameUUIDFromBytes(("palestra.members.settings:" + organizationId)
                .getBytes(StandardCharsets.UTF_8));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DefineTag command) {
        start(command.settingsId(), command.organizationId());
        if (tags.containsKey(command.tagId())) {
            return;
        }
        if (command.parentId() != null) {
            TagEntry parent = tags.get(command.parentId());
            if (parent == null) {
                throw NotFoundException.of("tag", command.parentId());
            }
            if (parent.parentId() != null) {
                throw new RuleViolationException("tag-too-deep",
                        "Sub-categories cannot have sub-categories of their own.");
            }
        }
        if (tags.size() >= MAX_TAGS) {
            throw new RuleViolationException("too-many-tags", "An organisation keeps at most " + MAX_TAGS + " tags.");
        }
        requireFreeTagName(command.name(), command.parentId(), null);
        apply(new TagDefined(organizationId, command.tagId(), command.parentId(), command.name().strip()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RenameTag command) {
        start(command.settingsId(), command.organizationId());
        TagEntry tag = requireTag(command.tagId());
        if (tag.name().equals(command.name().strip())) {
            return;
        }
        requireFreeTagName(command.name(), tag.parentId(), command.tagId());
        apply(new TagRenamed(organizationId, command.tagId(), command.name().strip()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RemoveTag command) {
        start(command.settingsId(), command.organizationId());
        requireTag(command.tagId());
        List<UUID> removed = new ArrayList<>(List.of(command.tagId()));
        tags.forEach((id, tag) -> {
            if (command.tagId().equals(tag.parentId())) {
                removed.add(id);
            }
        });
        apply(new TagRemoved(organizationId, command.tagId(), removed));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DefineMarketingPreference command) {
        start(command.settingsId(), command.organizationId());
        if (preferences.containsKey(command.preferenceId())) {
            return;
        }
        if (preferences.values().stream().filter(preference -> !preference.retired()).count() >= MAX_PREFERENCES) {
            throw new RuleViolationException("too-many-preferences",
                    "An organisation offers at most " + MAX_PREFERENCES + " marketing preferences.");
        }
        requireFreePreferenceName(command.name(), null);
        apply(new MarketingPreferenceDefined(organizationId, command.preferenceId(), command.name().strip(),
                command.description()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChangeMarketingPreference command) {
        start(command.settingsId(), command.organizationId());
        PreferenceEntry preference = requireOpenPreference(command.preferenceId());
        if (preference.name().equals(command.name().strip())
                && Objects.equals(preference.description(), command.description())) {
            return;
        }
        requireFreePreferenceName(command.name(), command.preferenceId());
        apply(new MarketingPreferenceChanged(organizationId, command.preferenceId(), command.name().strip(),
                command.description()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RetireMarketingPreference command) {
        start(command.settingsId(), command.organizationId());
        requireOpenPreference(command.preferenceId());
        apply(new MarketingPreferenceRetired(organizationId, command.preferenceId()));
    }

    /** Whether members can be tagged with {@code tagId}. */
    public boolean hasTag(UUID tagId) {
        return tags.containsKey(tagId);
    }

    /** Whether members can opt in to or out of {@code preferenceId}. */
    public boolean offersPreference(UUID preferenceId) {
        PreferenceEntry preference = preferences.get(preferenceId);
        return preference != null && !preference.retired();
    }

    @EventSourcingHandler
    void on(TagDefined event) {
        remember(event.organizationId());
        tags.put(event.tagId(), new TagEntry(event.parentId(), event.name()));
    }

    @EventSourcingHandler
    void on(TagRenamed event) {
        remember(event.organizationId());
        tags.computeIfPresent(event.tagId(), (id, tag) -> new TagEntry(tag.parentId(), event.name()));
    }

    @EventSourcingHandler
    void on(TagRemoved event) {
        remember(event.organizationId());
        event.removedTagIds().forEach(tags::remove);
    }

    @EventSourcingHandler
    void on(MarketingPreferenceDefined event) {
        remember(event.organizationId());
        preferences.put(event.preferenceId(), new PreferenceEntry(event.name(), event.description(), false));
    }

    @EventSourcingHandler
    void on(MarketingPreferenceChanged event) {
        remember(event.organizationId());
        preferences.put(event.preferenceId(), new PreferenceEntry(event.name(), event.description(), false));
    }

    @EventSourcingHandler
    void on(MarketingPreferenceRetired event) {
        remember(event.organizationId());
        preferences.computeIfPresent(event.preferenceId(),
                (id, preference) -> new PreferenceEntry(preference.name(), preference.description(), true));
    }

    /** A new aggregate learns its ids from its first command; its events bring them back when it is loaded. */
    private void start(UUID id, UUID organization) {
        if (!id.equals(idOf(organization))) {
            throw new IllegalArgumentException("Settings " + id + " are not those of organisation " + organization);
        }
        remember(organization);
    }

    private void remember(UUID organization) {
        settingsId = idOf(organization);
        organizationId = organization;
    }

    private TagEntry requireTag(UUID tagId) {
        TagEntry tag = tags.get(tagId);
        if (tag == null) {
            throw NotFoundException.of("tag", tagId);
        }
        return tag;
    }

    private PreferenceEntry requireOpenPreference(UUID preferenceId) {
        PreferenceEntry preference = preferences.get(preferenceId);
        if (preference == null || preference.retired()) {
            throw NotFoundException.of("marketing-preference", preferenceId);
        }
        return preference;
    }

    private void requireFreeTagName(String name, UUID parentId, UUID renamed) {
        boolean taken = tags.entrySet().stream()
                .anyMatch(tag -> !tag.getKey().equals(renamed) && Objects.equals(tag.getValue().parentId(), parentId)
                        && key(tag.getValue().name()).equals(key(name)));
        if (taken) {
            throw new RuleViolationException("tag-name-taken", parentId == null
                    ? "There already is a category named \"" + name.strip() + "\"."
                    : "This category already has a sub-category named \"" + name.strip() + "\".");
        }
    }

    private void requireFreePreferenceName(String name, UUID renamed) {
        boolean taken = preferences.entrySet().stream()
                .anyMatch(preference -> !preference.getKey().equals(renamed) && !preference.getValue().retired()
                        && key(preference.getValue().name()).equals(key(name)));
        if (taken) {
            throw new RuleViolationException("preference-name-taken",
                    "There already is a marketing preference named \"" + name.strip() + "\".");
        }
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private record TagEntry(UUID parentId, String name) {
    }

    private record PreferenceEntry(String name, String description, boolean retired) {
    }
}
