package io.palestra.events.members;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Nullable;

import java.util.List;
import java.util.UUID;

/**
 * The organisation's tags as they now are, whole, after any of them was created, renamed or deleted: keep the
 * latest per organisation. Categories have no {@code parentId}; sub-categories name their category.
 *
 * @param organizationId the organisation (also the record key)
 * @param tags           every tag, categories first
 */
@JsonTypeName("palestra.members.TagCatalogChanged.v1")
public record TagCatalogChanged(UUID organizationId, List<TagDefinition> tags) implements MembersEvent {

    /**
     * @param id       the tag
     * @param name     its name
     * @param parentId its category, for a sub-category
     */
    public record TagDefinition(UUID id, String name, @Nullable UUID parentId) {
    }
}
