package io.palestra.members.organization;

import io.palestra.members.organization.OrganizationMessages.AddSite;
import io.palestra.members.organization.OrganizationMessages.CreateOrganization;
import io.palestra.members.organization.OrganizationMessages.NewSite;
import io.palestra.members.organization.OrganizationMessages.OrganizationCreated;
import io.palestra.members.organization.OrganizationMessages.RenameSite;
import io.palestra.members.organization.OrganizationMessages.SiteAddress;
import io.palestra.members.organization.OrganizationMessages.SiteAdded;
import io.palestra.members.organization.OrganizationMessages.SiteRenamed;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.errors.RuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

class OrganizationTest {

    private static final UUID ORGANIZATION = UUID.randomUUID();
    private static final UUID LYON = UUID.randomUUID();
    private static final UUID PARIS = UUID.randomUUID();
    private static final SiteAddress LYON_ADDRESS =
            new SiteAddress("17 rue du Docteur Bouchut", null, "69003", "Lyon", null, "FR");

    private AggregateTestFixture<Organization> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Organization.class);
    }

    @Test
    void createsTheOrganizationThenEachOfItsSites() {
        fixture.givenNoPriorActivity()
                .when(create("EUR", "Europe/Paris", "fr-FR", List.of(
                        new NewSite(LYON, " Lyon ", "Europe/Paris", LYON_ADDRESS),
                        new NewSite(PARIS, "Paris", "Europe/Paris", null))))
                .expectEvents(
                        new OrganizationCreated(ORGANIZATION, "Urban Move", "EUR", "Europe/Paris", "fr-FR"),
                        new SiteAdded(ORGANIZATION, LYON, "Lyon", "Europe/Paris", LYON_ADDRESS),
                        new SiteAdded(ORGANIZATION, PARIS, "Paris", "Europe/Paris", null));
    }

    @Test
    void refusesACurrencyThatIsNotIso4217() {
        fixture.givenNoPriorActivity()
                .when(create("EUX", "Europe/Paris", "fr-FR", List.of(lyon())))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("\"EUX\" is not an ISO 4217 currency code.");
    }

    @Test
    void refusesATimeZoneThatIsNotIana() {
        fixture.givenNoPriorActivity()
                .when(create("EUR", "Paris/France", "fr-FR", List.of(lyon())))
                .expectException(RuleViolationException.class);
    }

    @Test
    void refusesASiteTimeZoneThatIsNotIana() {
        fixture.givenNoPriorActivity()
                .when(create("EUR", "Europe/Paris", "fr-FR",
                        List.of(new NewSite(LYON, "Lyon", "CET+25", null))))
                .expectException(RuleViolationException.class);
    }

    @Test
    void refusesALocaleThatIsNotALanguageTag() {
        fixture.givenNoPriorActivity()
                .when(create("EUR", "Europe/Paris", "fr_FR!", List.of(lyon())))
                .expectException(RuleViolationException.class);
    }

    @Test
    void refusesAnOrganisationWithoutSites() {
        fixture.givenNoPriorActivity()
                .when(create("EUR", "Europe/Paris", "fr-FR", List.of()))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("An organisation opens with at least one site.");
    }

    @Test
    void refusesTwoSitesWithTheSameNameWhateverTheCase() {
        fixture.givenNoPriorActivity()
                .when(create("EUR", "Europe/Paris", "fr-FR", List.of(lyon(),
                        new NewSite(PARIS, "LYON ", "Europe/Paris", null))))
                .expectException(RuleViolationException.class);
    }

    @Test
    void addsASite() {
        fixture.given(created(), lyonAdded())
                .when(new AddSite(ORGANIZATION, PARIS, "Paris", "Europe/Paris", null, null))
                .expectEvents(new SiteAdded(ORGANIZATION, PARIS, "Paris", "Europe/Paris", null));
    }

    @Test
    void addingTheSameSiteAgainChangesNothing() {
        fixture.given(created(), lyonAdded())
                .when(new AddSite(ORGANIZATION, LYON, "Lyon", "Europe/Paris", LYON_ADDRESS, null))
                .expectNoEvents();
    }

    @Test
    void refusesANewSiteNamedLikeAnExistingOne() {
        fixture.given(created(), lyonAdded())
                .when(new AddSite(ORGANIZATION, PARIS, "lyon", "Europe/Paris", null, null))
                .expectException(RuleViolationException.class);
    }

    @Test
    void renamesASite() {
        fixture.given(created(), lyonAdded())
                .when(new RenameSite(ORGANIZATION, LYON, "Lyon Part-Dieu", null))
                .expectEvents(new SiteRenamed(ORGANIZATION, LYON, "Lyon Part-Dieu"));
    }

    @Test
    void renamingToTheSameNameChangesNothing() {
        fixture.given(created(), lyonAdded())
                .when(new RenameSite(ORGANIZATION, LYON, "Lyon", null))
                .expectNoEvents();
    }

    @Test
    void refusesRenamingASiteOfAnotherOrganisation() {
        fixture.given(created(), lyonAdded())
                .when(new RenameSite(ORGANIZATION, UUID.randomUUID(), "Elsewhere", null))
                .expectException(NotFoundException.class);
    }

    @Test
    void refusesRenamingASiteToTheNameOfAnother() {
        fixture.given(created(), lyonAdded(), new SiteAdded(ORGANIZATION, PARIS, "Paris", "Europe/Paris", null))
                .when(new RenameSite(ORGANIZATION, PARIS, "LYON", null))
                .expectException(RuleViolationException.class);
    }

    private static CreateOrganization create(String currency, String zone, String locale, List<NewSite> sites) {
        return new CreateOrganization(ORGANIZATION, "Urban Move ", currency, zone, locale, sites);
    }

    private static NewSite lyon() {
        return new NewSite(LYON, "Lyon", "Europe/Paris", LYON_ADDRESS);
    }

    private static OrganizationCreated created() {
        return new OrganizationCreated(ORGANIZATION, "Urban Move", "EUR", "Europe/Paris", "fr-FR");
    }

    private static SiteAdded lyonAdded() {
        return new SiteAdded(ORGANIZATION, LYON, "Lyon", "Europe/Paris", LYON_ADDRESS);
    }
}
