package io.palestra.members.organization;

import io.palestra.members.organization.OrganizationMessages.AddSite;
import io.palestra.members.organization.OrganizationMessages.CreateOrganization;
import io.palestra.members.organization.OrganizationMessages.NewSite;
import io.palestra.members.organization.OrganizationMessages.OrganizationCreated;
import io.palestra.members.organization.OrganizationMessages.RenameSite;
import io.palestra.members.organization.OrganizationMessages.SiteAdded;
import io.palestra.members.organization.OrganizationMessages.SiteRenamed;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.errors.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A club chain and its sites. Rules: a known currency, time zone and locale; at least one site; site names unique
 * within the chain (as staff tell sites apart by name).
 */
@Aggregate
public class Organization {

    @AggregateIdentifier
    private UUID organizationId;
    private final Map<UUID, String> siteNames = new LinkedHashMap<>();

    protected Organization() {
    }

    @CommandHandler
    Organization(CreateOrganization command) {
        OrganizationRules.requireCurrency(command.currency());
        OrganizationRules.requireTimeZone(command.timeZone(), "timeZone");
        OrganizationRules.requireLocale(command.locale());
        if (command.sites() == null || command.sites().isEmpty()) {
            throw new RuleViolationException("site-required", "An organisation opens with at least one site.");
        }
        Set<String> names = new HashSet<>();
        for (NewSite site : command.sites()) {
            OrganizationRules.requireTimeZone(site.timeZone(), "sites.timeZone");
            if (!names.add(key(site.name()))) {
                throw duplicateSiteName(site.name());
            }
        }
        apply(new OrganizationCreated(command.organizationId(), command.name().strip(), command.currency(),
                command.timeZone(), command.locale()));
        command.sites().forEach(site -> apply(new SiteAdded(command.organizationId(), site.siteId(),
                site.name().strip(), site.timeZone(), site.address())));
    }

    @CommandHandler
    void handle(AddSite command) {
        OrganizationRules.requireTimeZone(command.timeZone(), "timeZone");
        if (siteNames.containsKey(command.siteId())) {
            return;
        }
        requireFreeName(command.name(), null);
        apply(new SiteAdded(organizationId, command.siteId(), command.name().strip(), command.timeZone(),
                command.address()));
    }

    @CommandHandler
    void handle(RenameSite command) {
        String current = siteNames.get(command.siteId());
        if (current == null) {
            throw NotFoundException.of("site", command.siteId());
        }
        if (current.equals(command.name().strip())) {
            return;
        }
        requireFreeName(command.name(), command.siteId());
        apply(new SiteRenamed(organizationId, command.siteId(), command.name().strip()));
    }

    /** Whether {@code siteId} is one of this organisation's sites. */
    public boolean hasSite(UUID siteId) {
        return siteNames.containsKey(siteId);
    }

    public UUID id() {
        return organizationId;
    }

    @EventSourcingHandler
    void on(OrganizationCreated event) {
        organizationId = event.organizationId();
    }

    @EventSourcingHandler
    void on(SiteAdded event) {
        siteNames.put(event.siteId(), event.name());
    }

    @EventSourcingHandler
    void on(SiteRenamed event) {
        siteNames.put(event.siteId(), event.name());
    }

    private void requireFreeName(String name, UUID renamedSite) {
        Optional<UUID> holder = siteNames.entrySet().stream()
                .filter(site -> key(site.getValue()).equals(key(name)))
                .map(Map.Entry::getKey)
                .filter(site -> !site.equals(renamedSite))
                .findFirst();
        if (holder.isPresent()) {
            throw duplicateSiteName(name);
        }
    }

    private static RuleViolationException duplicateSiteName(String name) {
        return new RuleViolationException("site-name-taken",
                "The organisation already has a site named \"" + name.strip() + "\".");
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
