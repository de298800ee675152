package io.palestra.events;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.math.BigDecimal;

/**
 * An amount of money: a decimal with the currency's digits and its ISO 4217 code. The amount travels as a JSON string
 * ({@code "29.90"}) so that no reader turns it into a floating-point number.
 *
 * @param amount   e.g. {@code "29.90"}
 * @param currency e.g. {@code EUR}
 */
public record Price(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {
}
