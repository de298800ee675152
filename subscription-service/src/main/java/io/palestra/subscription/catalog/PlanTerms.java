package io.palestra.subscription.catalog;

import io.palestra.platform.money.Money;
import io.palestra.platform.errors.InvalidInputException.InvalidField;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What an offer is: its name and price for everyone, and by kind, how a membership is billed and what it entitles
 * to, or what a pack holds and how long it lasts. Fields of the other kind stay null.
 *
 * @param price          per period (membership) or for the pack
 * @param vatRate        percent, e.g. 20.0 (0 to 100)
 * @param categoryPrices price per member category (e.g. student, senior, family) instead of {@code price}
 * @param siteIds        where it is valid; empty: every site
 * @param activityTypes  what it entitles to; empty: every activity
 * @param billingDay     membership: day of the month installments fall due (1 to 28), null: the day of subscription
 * @param classesPerWeek membership: null for unlimited
 * @param credits        pack: null for unlimited
 * @param validityDays   pack: days from activation; or {@code validUntil}, a fixed last day
 */
public record PlanTerms(String name, String description, Money price, BigDecimal vatRate,
                        Map<String, Money> categoryPrices, List<UUID> siteIds, List<String> activityTypes,
                        BillingPeriod period, Integer commitmentMonths, Integer billingDay, Integer classesPerWeek,
                        Money joiningFee, Integer credits, Integer validityDays, LocalDate validUntil,
                        Activation activation, Boolean shareableByHousehold) {

    public PlanTerms {
        categoryPrices = categoryPrices == null ? Map.of() : new TreeMap<>(categoryPrices);
        siteIds = siteIds == null ? List.of() : List.copyOf(siteIds);
        activityTypes = activityTypes == null ? List.of() : List.copyOf(activityTypes);
        shareableByHousehold = Boolean.TRUE.equals(shareableByHousehold);
    }

    /** Everything wrong with these terms for an offer of {@code kind}, field by field. */
    List<InvalidField> problems(PlanKind kind) {
        List<InvalidField> problems = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 200) {
            problems.add(new InvalidField("name", "is required, 200 characters at most"));
        }
        if (description != null && description.length() > 2000) {
            problems.add(new InvalidField("description", "is 2000 characters at most"));
        }
        money("price", price, problems);
        categoryPrices.forEach((category, categoryPrice) -> {
            if (category.isBlank() || category.length() > 40) {
                problems.add(new InvalidField("categoryPrices", "names a category of 1 to 40 characters"));
            }
            money("categoryPrices." + category, categoryPrice, problems);
        });
        if (vatRate == null || vatRate.signum() < 0 || vatRate.compareTo(BigDecimal.valueOf(100)) > 0
                || vatRate.stripTrailingZeros().scale() > 2) {
            problems.add(new InvalidField("vatRate", "is required, a percentage from 0 to 100 such as 20 or 5.5"));
        }
        if (activityTypes.stream().anyMatch(activity -> activity == null || activity.isBlank())) {
            problems.add(new InvalidField("activityTypes", "must not contain blank names"));
        }
        if (kind.pack()) {
            packProblems(problems);
        } else {
            membershipProblems(problems);
        }
        return problems;
    }

    /** The same terms at other prices. */
    PlanTerms withPrices(Money newPrice, Map<String, Money> newCategoryPrices) {
        return new PlanTerms(name, description, newPrice, vatRate, newCategoryPrices, siteIds, activityTypes, period,
                commitmentMonths, billingDay, classesPerWeek, joiningFee, credits, validityDays, validUntil,
                activation, shareableByHousehold);
    }

    /** The currencies these terms are priced in. */
    Set<String> currencies() {
        Set<String> currencies = new TreeSet<>();
        if (price != null) {
            currencies.add(price.currency());
        }
        if (joiningFee != null) {
            currencies.add(joiningFee.currency());
        }
        categoryPrices.values().forEach(categoryPrice -> currencies.add(categoryPrice.currency()));
        return currencies;
    }

    /** The same terms with amounts in their currency's decimals and blank names trimmed. */
    PlanTerms normalized() {
        Map<String, Money> prices = new TreeMap<>();
        categoryPrices.forEach((category, categoryPrice) -> prices.put(category.strip(), categoryPrice.normalized()));
        return new PlanTerms(name.strip(), description, price.normalized(), vatRate.stripTrailingZeros().scale() < 1
                ? vatRate.setScale(1) : vatRate.stripTrailingZeros(), prices, siteIds,
                activityTypes.stream().map(String::strip).distinct().toList(), period, commitmentMonths, billingDay,
                classesPerWeek, joiningFee == null ? null : joiningFee.normalized(), credits, validityDays, validUntil,
                activation, shareableByHousehold);
    }

    private void membershipProblems(List<InvalidField> problems) {
        if (period == null) {
            problems.add(new InvalidField("period", "is required for a membership"));
        }
        if (commitmentMonths != null && (commitmentMonths < 0 || commitmentMonths > 60)) {
            problems.add(new InvalidField("commitmentMonths", "must be between 0 and 60"));
        }
        if (billingDay != null && (billingDay < 1 || billingDay > 28)) {
            problems.add(new InvalidField("billingDay", "must be between 1 and 28 (every month has it)"));
        }
        if (classesPerWeek != null && (classesPerWeek < 1 || classesPerWeek > 50)) {
            problems.add(new InvalidField("classesPerWeek", "must be between 1 and 50, or absent for unlimited"));
        }
        if (joiningFee != null) {
            money("joiningFee", joiningFee, problems);
        }
        for (String packOnly : packFieldsSet()) {
            problems.add(new InvalidField(packOnly, "is for packs, not memberships"));
        }
    }

    private void packProblems(List<InvalidField> problems) {
        if (credits != null && (credits < 1 || credits > 1000)) {
            problems.add(new InvalidField("credits", "must be between 1 and 1000, or absent for unlimited"));
        }
        if ((validityDays == null) == (validUntil == null)) {
            problems.add(new InvalidField("validityDays", "a pack lasts either validityDays or until validUntil"));
        }
        if (validityDays != null && (validityDays < 1 || validityDays > 3660)) {
            problems.add(new InvalidField("validityDays", "must be between 1 and 3660"));
        }
        if (activation == null) {
            problems.add(new InvalidField("activation", "is required for a pack: sale, chosen-date or first-use"));
        }
        if (period != null || commitmentMonths != null || billingDay != null || classesPerWeek != null
                || joiningFee != null) {
            problems.add(new InvalidField("period", "period, commitment, billing day, classes per week and joining "
                    + "fee are for memberships, not packs"));
        }
    }

    private List<String> packFieldsSet() {
        List<String> set = new ArrayList<>();
        if (credits != null) {
            set.add("credits");
        }
        if (validityDays != null || validUntil != null) {
            set.add("validityDays");
        }
        if (activation != null) {
            set.add("activation");
        }
        if (Boolean.TRUE.equals(shareableByHousehold)) {
            set.add("shareableByHousehold");
        }
        return set;
    }

    private static void money(String field, Money money, List<InvalidField> problems) {
        if (money == null) {
            problems.add(new InvalidField(field, "is required"));
            return;
        }
        money.problem().ifPresent(problem -> problems.add(new InvalidField(field, problem)));
    }
}
