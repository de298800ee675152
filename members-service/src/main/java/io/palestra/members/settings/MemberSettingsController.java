package io.palestra.members.settings;

import io.palestra.members.settings.SettingsMessages.ChangeMarketingPreference;
import io.palestra.members.settings.SettingsMessages.DefineMarketingPreference;
import io.palestra.members.settings.SettingsMessages.DefineTag;
import io.palestra.members.settings.SettingsMessages.RemoveTag;
import io.palestra.members.settings.SettingsMessages.RenameTag;
import io.palestra.members.settings.SettingsMessages.RetireMarketingPreference;
import io.palestra.members.settings.SettingsQueries.FindMarketingPreferences;
import io.palestra.members.settings.SettingsQueries.FindTags;
import io.palestra.members.settings.SettingsQueries.MarketingPreferenceView;
import io.palestra.members.settings.SettingsQueries.TagTree;
import io.palestra.platform.axon.ReadYourWrites;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** An organisation's tags (categories and sub-categories) and marketing preferences. */
@RestController
@RequestMapping("/api/v1/organizations/{id}")
@Tag(name = "Member settings", description = "Tags and marketing preferences of an organisation")
class MemberSettingsController {

    private static final String EDITORS = "hasAnyRole('PLATFORM_ADMIN', 'OWNER', 'MANAGER')";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    MemberSettingsController(CommandGateway commands, QueryGateway queries, ReadYourWrites readYourWrites) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    record TagRequest(@NotBlank @Size(max = 60) String name, UUID parentId) {
    }

    record RenameTagRequest(@NotBlank @Size(max = 60) String name) {
    }

    record PreferenceRequest(@NotBlank @Size(max = 80) String name, @Size(max = 500) String description) {
    }

    @GetMapping("/tags")
    @Operation(summary = "The tag tree: categories, each with its sub-categories")
    TagTree tags(@PathVariable UUID id, Caller caller) {
        requireActsIn(id, caller);
        return tree(id);
    }

    @PostMapping("/tags")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Create a category, or a sub-category of the category named by parentId")
    ResponseEntity<TagTree> defineTag(@PathVariable UUID id, @Valid @RequestBody TagRequest request, Caller caller) {
        requireActsIn(id, caller);
        UUID tagId = UUID.randomUUID();
        commands.sendAndWait(new DefineTag(MemberSettings.idOf(id), id, tagId, request.parentId(), request.name()));
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + id + "/tags/" + tagId))
                .body(afterChange(id));
    }

    @PatchMapping(value = "/tags/{tagId}", consumes = {"application/json", "application/merge-patch+json"})
    @PreAuthorize(EDITORS)
    @Operation(summary = "Rename a category or a sub-category")
    TagTree renameTag(@PathVariable UUID id, @PathVariable UUID tagId, @Valid @RequestBody RenameTagRequest request,
                      Caller caller) {
        requireActsIn(id, caller);
        commands.sendAndWait(new RenameTag(MemberSettings.idOf(id), id, tagId, request.name()));
        return afterChange(id);
    }

    @DeleteMapping("/tags/{tagId}")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Delete a category (with its sub-categories) or a sub-category",
            description = "Members lose the deleted tags; their histories keep them.")
    ResponseEntity<Void> removeTag(@PathVariable UUID id, @PathVariable UUID tagId, Caller caller) {
        requireActsIn(id, caller);
        commands.sendAndWait(new RemoveTag(MemberSettings.idOf(id), id, tagId));
        afterChange(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/marketing-preferences")
    @Operation(summary = "The marketing preferences members can opt in to (retired ones too with includeRetired)")
    List<MarketingPreferenceView> preferences(@PathVariable UUID id,
                                              @RequestParam(defaultValue = "false") boolean includeRetired,
                                              Caller caller) {
        requireActsIn(id, caller);
        return preferencesOf(id, includeRetired);
    }

    @PostMapping("/marketing-preferences")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Offer a new marketing preference (a newsletter, offers from partners...)")
    ResponseEntity<MarketingPreferenceView> definePreference(@PathVariable UUID id,
                                                             @Valid @RequestBody PreferenceRequest request,
                                                             Caller caller) {
        requireActsIn(id, caller);
        UUID preferenceId = UUID.randomUUID();
        commands.sendAndWait(new DefineMarketingPreference(MemberSettings.idOf(id), id, preferenceId,
                request.name(), blankToNull(request.description())));
        readYourWrites.await(MemberSettingsDirectory.GROUP, MemberSettings.idOf(id).toString());
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + id + "/marketing-preferences/"
                + preferenceId)).body(preference(id, preferenceId));
    }

    @PatchMapping(value = "/marketing-preferences/{preferenceId}",
            consumes = {"application/json", "application/merge-patch+json"})
    @PreAuthorize(EDITORS)
    @Operation(summary = "Rename a marketing preference or change its description")
    MarketingPreferenceView changePreference(@PathVariable UUID id, @PathVariable UUID preferenceId,
                                             @Valid @RequestBody PreferenceRequest request, Caller caller) {
        requireActsIn(id, caller);
        commands.sendAndWait(new ChangeMarketingPreference(MemberSettings.idOf(id), id, preferenceId,
                request.name(), blankToNull(request.description())));
        readYourWrites.await(MemberSettingsDirectory.GROUP, MemberSettings.idOf(id).toString());
        return preference(id, preferenceId);
    }

    @DeleteMapping("/marketing-preferences/{preferenceId}")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Retire a marketing preference: no one can opt in any more, past consents stay on record")
    ResponseEntity<Void> retirePreference(@PathVariable UUID id, @PathVariable UUID preferenceId, Caller caller) {
        requireActsIn(id, caller);
        commands.sendAndWait(new RetireMarketingPreference(MemberSettings.idOf(id), id, preferenceId));
        readYourWrites.await(MemberSettingsDirectory.GROUP, MemberSettings.idOf(id).toString());
        return ResponseEntity.noContent().build();
    }

    private static void requireActsIn(UUID organization, Caller caller) {
        if (!caller.actsIn(organization)) {
            throw NotFoundException.of("organization", organization);
        }
    }

    private TagTree afterChange(UUID organization) {
        readYourWrites.await(MemberSettingsDirectory.GROUP, MemberSettings.idOf(organization).toString());
        return tree(organization);
    }

    private TagTree tree(UUID organization) {
        return queries.query(new FindTags(organization), TagTree.class).join();
    }

    private List<MarketingPreferenceView> preferencesOf(UUID organization, boolean includeRetired) {
        return queries.query(new FindMarketingPreferences(organization, includeRetired),
                ResponseTypes.multipleInstancesOf(MarketingPreferenceView.class)).join();
    }

    private MarketingPreferenceView preference(UUID organization, UUID preferenceId) {
        return preferencesOf(organization, true).stream().filter(found -> found.id().equals(preferenceId))
                .findFirst().orElseThrow(() -> NotFoundException.of("marketing-preference", preferenceId));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
