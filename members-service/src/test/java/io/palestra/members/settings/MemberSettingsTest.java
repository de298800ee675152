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
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MemberSettingsTest {

    private static final UUID ORGANIZATION = UUID.randomUUID();
    private static final UUID SETTINGS = MemberSettings.idOf(ORGANIZATION);
    private static final UUID SPORT = UUID.randomUUID();
    private static final UUID YOGA = UUID.randomUUID();
    private static final UUID NEWSLETTER = UUID.randomUUID();

    private AggregateTestFixture<MemberSettings> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MemberSettings.class);
    }

    @Test
    void theSettingsOfAnOrganisationHaveTheirOwnStableId() {
        assertThat(MemberSettings.idOf(ORGANIZATION)).isEqualTo(SETTINGS).isNotEqualTo(ORGANIZATION);
        assertThat(MemberSettings.idOf(UUID.randomUUID())).isNotEqualTo(SETTINGS);
    }

    @Test
    void theFirstCategoryStartsTheSettings() {
        fixture.givenNoPriorActivity()
                .when(new DefineTag(SETTINGS, ORGANIZATION, SPORT, null, " Sport principal "))
                .expectEvents(new TagDefined(ORGANIZATION, SPORT, null, "Sport principal"));
    }

    @Test
    void aSubCategoryBelongsToACategory() {
        fixture.given(sport())
                .when(new DefineTag(SETTINGS, ORGANIZATION, YOGA, SPORT, "Yoga"))
                .expectEvents(new TagDefined(ORGANIZATION, YOGA, SPORT, "Yoga"));
    }

    @Test
    void subCategoriesGoOneLevelDeepOnly() {
        fixture.given(sport(), yoga())
                .when(new DefineTag(SETTINGS, ORGANIZATION, UUID.randomUUID(), YOGA, "Vinyasa"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("Sub-categories cannot have sub-categories of their own.");
        fixture.given(sport())
                .when(new DefineTag(SETTINGS, ORGANIZATION, UUID.randomUUID(), UUID.randomUUID(), "Orphan"))
                .expectException(NotFoundException.class);
    }

    @Test
    void namesAreUniqueAmongSiblingsWhateverTheCase() {
        fixture.given(sport(), yoga())
                .when(new DefineTag(SETTINGS, ORGANIZATION, UUID.randomUUID(), SPORT, "YOGA"))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
        UUID topLevelYoga = UUID.randomUUID();
        fixture.given(sport(), yoga())
                .when(new DefineTag(SETTINGS, ORGANIZATION, topLevelYoga, null, "Yoga"))
                .expectEvents(new TagDefined(ORGANIZATION, topLevelYoga, null, "Yoga"));
    }

    @Test
    void renamesATagUnlessTheNameIsTakenOrUnchanged() {
        fixture.given(sport(), yoga())
                .when(new RenameTag(SETTINGS, ORGANIZATION, YOGA, "Yoga & Pilates"))
                .expectEvents(new TagRenamed(ORGANIZATION, YOGA, "Yoga & Pilates"));
        fixture.given(sport(), yoga())
                .when(new RenameTag(SETTINGS, ORGANIZATION, YOGA, "Yoga"))
                .expectNoEvents();
        fixture.given(sport(), yoga(), new TagDefined(ORGANIZATION, UUID.randomUUID(), SPORT, "Boxe"))
                .when(new RenameTag(SETTINGS, ORGANIZATION, YOGA, "boxe"))
                .expectException(RuleViolationException.class);
        fixture.given(sport())
                .when(new RenameTag(SETTINGS, ORGANIZATION, UUID.randomUUID(), "Ghost"))
                .expectException(NotFoundException.class);
    }

    @Test
    void removingACategoryRemovesItsSubCategories() {
        fixture.given(sport(), yoga())
                .when(new RemoveTag(SETTINGS, ORGANIZATION, SPORT))
                .expectEvents(new TagRemoved(ORGANIZATION, SPORT, List.of(SPORT, YOGA)));
        fixture.given(sport(), yoga())
                .when(new RemoveTag(SETTINGS, ORGANIZATION, YOGA))
                .expectEvents(new TagRemoved(ORGANIZATION, YOGA, List.of(YOGA)));
        fixture.given(sport(), yoga(), new TagRemoved(ORGANIZATION, SPORT, List.of(SPORT, YOGA)))
                .when(new RemoveTag(SETTINGS, ORGANIZATION, YOGA))
                .expectException(NotFoundException.class);
    }

    @Test
    void anOrganisationKeepsABoundedNumberOfTags() {
        List<Object> full = new ArrayList<>();
        for (int index = 0; index < MemberSettings.MAX_TAGS; index++) {
            full.add(new TagDefined(ORGANIZATION, UUID.randomUUID(), null, "Tag " + index));
        }
        fixture.given(full)
                .when(new DefineTag(SETTINGS, ORGANIZATION, UUID.randomUUID(), null, "One more"))
                .expectException(RuleViolationException.class);
    }

    @Test
    void offersChangesAndRetiresMarketingPreferences() {
        fixture.givenNoPriorActivity()
                .when(new DefineMarketingPreference(SETTINGS, ORGANIZATION, NEWSLETTER, "Newsletter", "Monthly"))
                .expectEvents(new MarketingPreferenceDefined(ORGANIZATION, NEWSLETTER, "Newsletter", "Monthly"));
        fixture.given(newsletter())
                .when(new ChangeMarketingPreference(SETTINGS, ORGANIZATION, NEWSLETTER, "Newsletter", "Weekly"))
                .expectEvents(new MarketingPreferenceChanged(ORGANIZATION, NEWSLETTER, "Newsletter", "Weekly"));
        fixture.given(newsletter())
                .when(new RetireMarketingPreference(SETTINGS, ORGANIZATION, NEWSLETTER))
                .expectEvents(new MarketingPreferenceRetired(ORGANIZATION, NEWSLETTER));
    }

    @Test
    void aRetiredPreferenceCannotChangeAndFreesItsName() {
        fixture.given(newsletter(), new MarketingPreferenceRetired(ORGANIZATION, NEWSLETTER))
                .when(new ChangeMarketingPreference(SETTINGS, ORGANIZATION, NEWSLETTER, "News", null))
                .expectException(NotFoundException.class);
        UUID again = UUID.randomUUID();
        fixture.given(newsletter(), new MarketingPreferenceRetired(ORGANIZATION, NEWSLETTER))
                .when(new DefineMarketingPreference(SETTINGS, ORGANIZATION, again, "Newsletter", null))
                .expectEvents(new MarketingPreferenceDefined(ORGANIZATION, again, "Newsletter", null));
        fixture.given(newsletter())
                .when(new DefineMarketingPreference(SETTINGS, ORGANIZATION, again, "NEWSLETTER", null))
                .expectException(RuleViolationException.class);
    }

    @Test
    void answersWhatMembersMayReferTo() {
        MemberSettings settings = new MemberSettings();
        settings.on(sport());
        settings.on(newsletter());
        settings.on(new MarketingPreferenceRetired(ORGANIZATION, NEWSLETTER));

        assertThat(settings.hasTag(SPORT)).isTrue();
        assertThat(settings.hasTag(YOGA)).isFalse();
        assertThat(settings.offersPreference(NEWSLETTER)).isFalse();
    }

    private static TagDefined sport() {
        return new TagDefined(ORGANIZATION, SPORT, null, "Sport principal");
    }

    private static TagDefined yoga() {
        return new TagDefined(ORGANIZATION, YOGA, SPORT, "Yoga");
    }

    private static MarketingPreferenceDefined newsletter() {
        return new MarketingPreferenceDefined(ORGANIZATION, NEWSLETTER, "Newsletter", null);
    }
}
