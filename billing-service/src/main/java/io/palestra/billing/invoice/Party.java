package io.palestra.billing.invoice;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Who sells or who buys, as an issued invoice prints them: kept with the invoice when it is issued, so the document
 * stays the same whatever changes later (a move, a new legal address).
 *
 * @param address            postal address lines, as printed
 * @param registrationNumber the seller's company registration (SIRET in France), or null
 * @param vatNumber          the seller's intra-community VAT number, or null
 * @param reference          the buyer's member code, or null
 * @param notice             the seller's legal notice printed at the foot (penalties for late payment, VAT
 *                           exemption), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Party(String name, List<String> address, String registrationNumber, String vatNumber, String email,
                    String reference, String notice) {
}
