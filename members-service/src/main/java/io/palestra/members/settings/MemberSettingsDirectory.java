package io.palestra.members.settings;

import io.palestra.members.settings.SettingsMessages.MarketingPreferenceChanged;
import io.palestra.members.settings.SettingsMessages.MarketingPreferenceDefined;
import io.palestra.members.settings.SettingsMessages.MarketingPreferenceRetired;
import io.palestra.members.settings.SettingsMessages.TagDefined;
import io.palestra.members.settings.SettingsMessages.TagRemoved;
import io.palestra.members.settings.SettingsMessages.TagRenamed;
import io.palestra.members.settings.SettingsQueries.Category;
import io.palestra.members.settings.SettingsQueries.FindMarketingPreferences;
import io.palestra.members.settings.SettingsQueries.FindTags;
import io.palestra.members.settings.SettingsQueries.MarketingPreferenceView;
import io.palestra.members.settings.SettingsQueries.SubCategory;
import io.palestra.members.settings.SettingsQueries.TagTree;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Organisations' tags and marketing preferences as staff pick them. Rebuildable: a reset empties it for a replay. */
@Component
@ProcessingGroup(MemberSettingsDirectory.GROUP)
class MemberSettingsDirectory {

    static final String GROUP = "member-settings";

    private final JdbcClient jdbc;

    MemberSettingsDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TagDefined event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO tag_view (tag_id, organization_id, parent_id, name, created_at)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (tag_id) DO NOTHING""")
                .params(event.tagId(), event.organizationId(), event.parentId(), event.name(),
                        at.atOffset(ZoneOffset.UTC))
                .update();
    }

    @EventHandler
    void on(TagRenamed event) {
        jdbc.sql("UPDATE tag_view SET name = ? WHERE tag_id = ?").params(event.name(), event.tagId()).update();
    }

    @EventHandler
    void on(TagRemoved event) {
        jdbc.sql("DELETE FROM tag_view WHERE tag_id = ANY(?)")
                .param(event.removedTagIds().toArray(UUID[]::new)).update();
    }

    @EventHandler
    void on(MarketingPreferenceDefined event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO marketing_preference_view (preference_id, organization_id, name, description,
                                                               created_at)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (preference_id) DO NOTHING""")
                .params(event.preferenceId(), event.organizationId(), event.name(), event.description(),
                        at.atOffset(ZoneOffset.UTC))
                .update();
    }

    @EventHandler
    void on(MarketingPreferenceChanged event) {
        jdbc.sql("UPDATE marketing_preference_view SET name = ?, description = ? WHERE preference_id = ?")
                .params(event.name(), event.description(), event.preferenceId()).update();
    }

    @EventHandler
    void on(MarketingPreferenceRetired event, @Timestamp Instant at) {
        jdbc.sql("UPDATE marketing_preference_view SET retired_at = ? WHERE preference_id = ?")
                .params(at.atOffset(ZoneOffset.UTC), event.preferenceId()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE tag_view, marketing_preference_view").update();
    }

    @QueryHandler
    TagTree tags(FindTags query) {
        Map<UUID, String> categories = new LinkedHashMap<>();
        Map<UUID, List<SubCategory>> children = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT tag_id, parent_id, name FROM tag_view WHERE organization_id = ?
                        ORDER BY lower(name), tag_id""")
                .param(query.organizationId())
                .query(row -> {
                    UUID id = row.getObject(1, UUID.class);
                    UUID parent = row.getObject(2, UUID.class);
                    if (parent == null) {
                        categories.put(id, row.getString(3));
                    } else {
                        children.computeIfAbsent(parent, key -> new ArrayList<>())
                                .add(new SubCategory(id, row.getString(3)));
                    }
                });
        return new TagTree(categories.entrySet().stream()
                .map(category -> new Category(category.getKey(), category.getValue(),
                        children.getOrDefault(category.getKey(), List.of())))
                .toList());
    }

    @QueryHandler
    List<MarketingPreferenceView> preferences(FindMarketingPreferences query) {
        return jdbc.sql("""
                        SELECT preference_id, name, description, created_at, retired_at FROM marketing_preference_view
                        WHERE organization_id = ? AND (? OR retired_at IS NULL) ORDER BY lower(name), preference_id""")
                .params(query.organizationId(), query.includeRetired())
                .query((row, number) -> new MarketingPreferenceView(row.getObject(1, UUID.class), row.getString(2),
                        row.getString(3), row.getObject(4, OffsetDateTime.class).toInstant(),
                        row.getObject(5, OffsetDateTime.class) == null ? null
                                : row.getObject(5, OffsetDateTime.class).toInstant()))
                .list();
    }
}
