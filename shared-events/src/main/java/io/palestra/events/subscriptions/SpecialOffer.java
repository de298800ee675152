package io.palestra.events.subscriptions;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.palestra.events.Nullable;
import io.palestra.events.Price;

import java.math.BigDecimal;

/**
 * A discount on a subscription's installments: a percentage or an amount off each, for the first {@code installments}
 * or for all of them.
 *
 * @param percent      percent off, as a string such as {@code "20"}; or null
 * @param amount       amount off each installment; or null
 * @param installments how many installments, from the first; null for all
 */
public record SpecialOffer(@Nullable @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal percent,
                           @Nullable Price amount, @Nullable Integer installments) {
}
