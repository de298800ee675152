package io.palestra.platform.organization;

import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.platform.security.Caller;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What a service knows of an organisation, from members-service's events. */
public interface Organizations {

    /** The organisation's currency (ISO 4217), if its creation has reached this service. */
    Optional<String> currency(UUID organizationId);

    /**
     * The organisation's currency, for what cannot wait for it.
     *
     * @throws RuleViolationException {@code organization-not-ready} while its creation has not reached this service
     */
    default String requiredCurrency(UUID organizationId) {
        return currency(organizationId).orElseThrow(() -> new RuleViolationException("organization-not-ready",
                "This organisation is not known to this service yet: retry in a moment."));
    }

    /** The organisation's sites known here. */
    Set<UUID> sites(UUID organizationId);

    /**
     * The time zone dates are read in: the site's, or the organisation's when {@code siteId} is null or unknown, or
     * UTC when neither is known here yet.
     */
    ZoneId zone(UUID organizationId, UUID siteId);

    /** Today at {@code clock}'s instant, in {@link #zone}. */
    default LocalDate today(UUID organizationId, UUID siteId, Clock clock) {
        return LocalDate.ofInstant(clock.instant(), zone(organizationId, siteId));
    }

    /**
     * {@code siteId}, when it is a site of the caller's organisation known here and the caller's token lets them see
     * it: what staff may plan or define things at.
     *
     * @throws InvalidInputException otherwise (the same answer for another organisation's site)
     */
    default UUID managedSite(Caller caller, UUID siteId) {
        if (siteId == null || !sites(caller.organization()).contains(siteId) || !caller.sees(siteId)) {
            throw InvalidInputException.of("siteId", "is not a site of this organisation you may manage");
        }
        return siteId;
    }
}
