package io.palestra.members.organization;

import io.palestra.platform.errors.RuleViolationException;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.Locale;

/** What an organisation's settings must be. */
final class OrganizationRules {

    private OrganizationRules() {
    }

    static void requireCurrency(String code) {
        try {
            Currency.getInstance(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RuleViolationException("unknown-currency", "\"" + code + "\" is not an ISO 4217 currency code.");
        }
    }

    static void requireTimeZone(String zone, String field) {
        try {
            ZoneId.of(zone);
        } catch (DateTimeException | NullPointerException e) {
            throw new RuleViolationException("unknown-time-zone",
                    field + " \"" + zone + "\" is not an IANA time zone such as Europe/Paris.");
        }
    }

    static void requireLocale(String tag) {
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllformedLocaleException("no language");
            }
        } catch (IllformedLocaleException | NullPointerException e) {
            throw new RuleViolationException("unknown-locale",
                    "\"" + tag + "\" is not a BCP 47 language tag such as fr-FR.");
        }
    }
}
