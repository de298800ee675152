package io.palestra.billing.party;

import io.palestra.billing.invoice.InvoiceParties;
import io.palestra.billing.invoice.Party;
import io.palestra.events.PostalAddress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who sells and who buys: the organisation's invoice details (set by its managers), and billing's copy of members'
 * names and addresses (from the compacted profiles topic, dropped on erasure) and of households (who pays for whom).
 */
@Component
public class Parties implements InvoiceParties {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> LINES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    Parties(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What an organisation prints as seller on its invoices.
     *
     * @param registrationNumber SIRET in France
     * @param notice             legal notice at the foot of every invoice
     */
    public record SellerDetails(String legalName, List<String> address, String registrationNumber, String vatNumber,
                                String email, String notice) {
    }

    Optional<SellerDetails> sellerDetails(UUID organizationId) {
        return jdbc.sql("SELECT * FROM seller_details WHERE organization_id = ?").param(organizationId)
                .query((rs, row) -> new SellerDetails(rs.getString("legal_name"),
                        JSON.readValue(rs.getString("address"), LINES), rs.getString("registration_number"),
                        rs.getString("vat_number"), rs.getString("email"), rs.getString("notice")))
                .optional();
    }

    void keepSellerDetails(UUID organizationId, SellerDetails details) {
        jdbc.sql("""
                        INSERT INTO seller_details (organization_id, legal_name, address, registration_number,
                            vat_number, email, notice)
                        VALUES (?, ?, ?::jsonb, ?, ?, ?, ?)
                        ON CONFLICT (organization_id) DO UPDATE SET legal_name = EXCLUDED.legal_name,
                            address = EXCLUDED.address, registration_number = EXCLUDED.registration_number,
                            vat_number = EXCLUDED.vat_number, email = EXCLUDED.email, notice = EXCLUDED.notice""")
                .params(organizationId, details.legalName(), JSON.writeValueAsString(details.address()),
                        details.registrationNumber(), details.vatNumber(), details.email(), details.notice())
                .update();
    }

    @Override
    public Party seller(UUID organizationId, UUID siteId) {
        return sellerDetails(organizationId).map(details -> new Party(details.legalName(), details.address(),
                        details.registrationNumber(), details.vatNumber(), details.email(), null, details.notice()))
                .orElseGet(() -> new Party(jdbc.sql("SELECT name FROM site_copy WHERE site_id = ?").param(siteId)
                        .query(String.class).optional().orElse(""), List.of(), null, null, null, null, null));
    }

    @Override
    public Party buyer(UUID organizationId, UUID memberId) {
        return jdbc.sql("SELECT * FROM buyer_copy WHERE member_id = ? AND organization_id = ?")
                .params(memberId, organizationId)
                .query((rs, row) -> new Party((rs.getString("first_name") + " " + rs.getString("last_name")).strip(),
                        JSON.readValue(rs.getString("address"), LINES), null, null, rs.getString("email"),
                        rs.getString("member_code"), null))
                .optional().orElseGet(() -> new Party(null, List.of(), null, null, null, null, null));
    }

    @Override
    public UUID payer(UUID organizationId, UUID memberId) {
        return jdbc.sql("SELECT holder_id FROM household_copy WHERE member_id = ? AND organization_id = ?")
                .params(memberId, organizationId).query(UUID.class).optional().orElse(memberId);
    }

    /** A member's profile as it now is (names, e-mail, main address). */
    public void profile(UUID organizationId, UUID memberId, String memberCode, String firstName, String lastName,
                        String email, PostalAddress address) {
        jdbc.sql("""
                        INSERT INTO buyer_copy (member_id, organization_id, member_code, first_name, last_name, email,
                            address)
                        VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)
                        ON CONFLICT (member_id) DO UPDATE SET member_code = EXCLUDED.member_code,
                            first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name,
                            email = EXCLUDED.email, address = EXCLUDED.address""")
                .params(memberId, organizationId, memberCode, firstName, lastName, email,
                        JSON.writeValueAsString(lines(address)))
                .update();
    }

    /** The member was erased: billing forgets them (issued invoices keep what they were issued with, by law). */
    public void profileErased(UUID memberId) {
        jdbc.sql("DELETE FROM buyer_copy WHERE member_id = ?").param(memberId).update();
    }

    /** A household as it now is: its members pay through its holder; a dissolved one (no holder) frees them. */
    public void household(UUID organizationId, UUID householdId, UUID holderId, List<UUID> memberIds) {
        jdbc.sql("DELETE FROM household_copy WHERE household_id = ?").param(householdId).update();
        if (holderId == null) {
            return;
        }
        for (UUID member : memberIds) {
            jdbc.sql("""
                            INSERT INTO household_copy (member_id, organization_id, household_id, holder_id)
                            VALUES (?, ?, ?, ?)
                            ON CONFLICT (member_id) DO UPDATE SET household_id = EXCLUDED.household_id,
                                holder_id = EXCLUDED.holder_id""")
                    .params(member, organizationId, householdId, holderId).update();
        }
    }

    private static List<String> lines(PostalAddress address) {
        List<String> lines = new ArrayList<>();
        if (address == null) {
            return lines;
        }
        lines.add(address.line1());
        if (address.line2() != null && !address.line2().isBlank()) {
            lines.add(address.line2());
        }
        lines.add(((address.postalCode() == null ? "" : address.postalCode() + " ") + address.city()).strip());
        lines.add(address.country());
        return lines;
    }
}
