package io.palestra.events;

/**
 * A postal address as staff type it; {@code country} is an ISO 3166-1 alpha-2 code.
 *
 * @param line1      street and number
 * @param line2      building, floor, c/o; may be null
 * @param postalCode postal or ZIP code; may be null where a country has none
 * @param city       city or locality
 * @param region     state, province or county; may be null
 * @param country    ISO 3166-1 alpha-2 code, e.g. {@code FR}
 */
public record PostalAddress(String line1, @Nullable String line2, @Nullable String postalCode, String city,
                            @Nullable String region,
                            String country) {
}
