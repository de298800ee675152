package io.palestra.billing.collection;

import io.palestra.billing.invoice.InvoiceMessages.RecordPayment;
import io.palestra.billing.invoice.InvoiceQueries.FindInvoice;
import io.palestra.billing.invoice.InvoiceQueries.InvoiceView;
import io.palestra.billing.invoice.InvoiceQueries;
import io.palestra.billing.invoice.Wallets;
import io.palestra.platform.axon.ReadYourWrites;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.platform.money.Money;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * What payment providers tell billing about payment links, verified and applied once whatever the order.
 *
 * <ul>
 *     <li><b>Verified:</b> the {@code Palestra-Signature} header is {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of
 *     "t.body" with the provider's secret>}; a missing or wrong signature, or one older than five minutes (a
 *     replay), is refused and changes nothing.</li>
 *     <li><b>Once:</b> a succeeded payment becomes the invoice payment whose id is derived from the provider's payment
 *     id, which the invoice records once; the notice's id is kept afterwards, for the record.</li>
 *     <li><b>Any order:</b> a failure notice arriving after the success of the same link changes nothing; a success
 *     after a failure is recorded. A success for an invoice already paid meanwhile (at the desk) is not lost: the
 *     money goes to the member's account.</li>
 * </ul>
 */
@Component
class ProviderWebhooks {

    static final String SIGNATURE = "Palestra-Signature";
    private static final Logger log = LoggerFactory.getLogger(ProviderWebhooks.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final PaymentLinks links;
    private final CommandGateway commands;
    private final Wallets wallets;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;
    private final byte[] sandboxSecret;

    ProviderWebhooks(JdbcClient jdbc, PaymentLinks links, CommandGateway commands, Wallets wallets,
                     QueryGateway queries, ReadYourWrites readYourWrites, Clock clock,
                     @Value("${palestra.billing.sandbox-webhook-secret}") String sandboxSecret) {
        this.jdbc = jdbc;
        this.links = links;
        this.commands = commands;
        this.wallets = wallets;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
        this.sandboxSecret = sandboxSecret.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether billing knows this provider's webhooks. */
    boolean knows(String provider) {
        return "sandbox".equals(provider);
    }

    /** The header a provider sends with {@code body}: what the sandbox provider signs its notices with. */
    String sign(String body, Instant at) {
        long seconds = at.getEpochSecond();
        return "t=" + seconds + ",v1=" + HexFormat.of().formatHex(hmac(seconds + "." + body));
    }

    /** Whether {@code header} signs {@code body} with the provider's secret, recently. */
    boolean verified(String body, String header) {
        if (header == null) {
            return false;
        }
        Long seconds = null;
        String signature = null;
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t") && pair[1].matches("\\d{1,12}")) {
                seconds = Long.parseLong(pair[1]);
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                signature = pair[1];
            }
        }
        if (seconds == null || signature == null
                || Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs().compareTo(TOLERANCE) > 0) {
            return false;
        }
        return MessageDigest.isEqual(HexFormat.of().formatHex(hmac(seconds + "." + body))
                .getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Applies a verified notice: {@code {"id", "type": "payment.succeeded" | "payment.failed", "data": {"payment",
     * "link", "amount", "currency", "reason"}}}. Unknown types and links are acknowledged and ignored (the provider
     * would otherwise send them again for days).
     */
    void apply(String provider, String body) {
        JsonNode notice = JSON.readTree(body);
        String id = notice.path("id").asString("");
        String type = notice.path("type").asString("");
        JsonNode data = notice.path("data");
        Optional<PaymentLinks.Link> link = links.find(data.path("link").asString(""));
        if (id.isEmpty() || link.isEmpty()) {
            log.warn("Ignored {} notice {} of type {}: no such payment link", provider, id, type);
            return;
        }
        String payment = data.path("payment").asString("");
        switch (type) {
            case "payment.succeeded" -> succeeded(provider, link.get(), payment, new Money(
                    new BigDecimal(data.path("amount").asString("0")), data.path("currency").asString("")));
            case "payment.failed" -> links.failed(link.get().token(), data.path("reason").asString("refused"));
            default -> log.info("Ignored {} notice {} of type {}", provider, id, type);
        }
        jdbc.sql("""
                        INSERT INTO webhook_notice (provider, notice_id, type, received_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (provider, notice_id) DO NOTHING""")
                .params(provider, id, type, clock.instant().atOffset(ZoneOffset.UTC)).update();
    }

    private void succeeded(String provider, PaymentLinks.Link link, String payment, Money amount) {
        UUID paymentId = UUID.nameUUIDFromBytes((provider + ":payment:" + payment).getBytes(StandardCharsets.UTF_8));
        Instant at = clock.instant();
        try {
            commands.sendAndWait(new RecordPayment(link.invoiceId(), paymentId, "card", amount, provider + " "
                    + payment, provider, at));
            readYourWrites.await(InvoiceQueries.PROJECTION, link.invoiceId().toString());
        } catch (RuleViolationException refused) {
            if (!"invoice-paid".equals(refused.code())) {
                throw refused;
            }
            InvoiceView invoice = queries.query(new FindInvoice(link.organizationId(), link.invoiceId(),
                    LocalDate.now(clock)), ResponseTypes.optionalInstanceOf(InvoiceView.class)).join().orElseThrow();
            wallets.credit(link.organizationId(), invoice.memberId(), invoice.siteId(), paymentId, amount,
                    "overpayment", "card", link.invoiceId(), provider, at);
        }
        links.paid(link.token(), payment, at);
    }

    private byte[] hmac(String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sandboxSecret, "HmacSHA256"));
            return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
