package io.palestra.subscription.credit;

import io.palestra.subscription.credit.CreditMessages.CancelClaim;
import io.palestra.subscription.credit.CreditMessages.ClaimCancelled;
import io.palestra.subscription.credit.CreditMessages.ClaimCredit;
import io.palestra.subscription.credit.CreditMessages.ClaimPaid;
import io.palestra.subscription.credit.CreditMessages.ClaimRefused;
import io.palestra.subscription.credit.CreditMessages.ClaimRestored;
import io.palestra.subscription.credit.CreditMessages.CreditClaimed;
import io.palestra.subscription.credit.CreditMessages.PayClaim;
import io.palestra.subscription.credit.CreditMessages.RecordRestored;
import io.palestra.subscription.credit.CreditMessages.RefuseClaim;
import io.palestra.subscription.member.Members;
import io.palestra.subscription.pass.PassCover;
import io.palestra.subscription.pass.PassCover.Payment;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The credit protocol with booking-service, run in the transaction of the Kafka record that asks (the inbox's): a
 * held seat is paid by a membership that covers it, else by the pass with the nearest expiry that covers it (the
 * member's or the household's shared ones), else refused with a reason; a cancellation with re-credit gives back
 * exactly what paid, once. The booking's {@link CreditClaim} remembers the decision, so a redelivered or duplicated
 * record changes nothing; the memberships and passes themselves guard their allowances and credits, so two bookings
 * racing for a last credit cannot both have it (the second transaction fails on the pass's version and its record is
 * retried, then refused).
 */
@Component
@ProcessingGroup(CreditDecisions.GROUP)
public class CreditDecisions {

    static final String GROUP = "credit-claims";

    private final CommandGateway commands;
    private final JdbcClient jdbc;
    private final Memberships memberships;
    private final PassCover passes;
    private final Members members;

    CreditDecisions(CommandGateway commands, JdbcClient jdbc, Memberships memberships, PassCover passes,
                    Members members) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.memberships = memberships;
        this.passes = passes;
        this.members = members;
    }

    /**
     * A seat is held for a booking: decide what pays for it, once. The claim keeps the member as booked; what pays
     * is looked for under the record that now stands for them (after a merge, the survivor). A session costs a pass
     * one credit at least.
     */
    public void seatReserved(Seat reserved, Instant now) {
        commands.sendAndWait(new ClaimCredit(reserved.bookingId(), reserved, now));
        Seat seat = new Seat(reserved.organizationId(), reserved.siteId(), reserved.sessionId(),
                reserved.bookingId(), members.current(reserved.memberId()), reserved.activityType(),
                reserved.startsAt(), Math.max(1, reserved.credits()));
        if (!claim(seat.bookingId()).map(Claim::undecided).orElse(false)) {
            return;
        }
        Memberships.Answer membership = memberships.use(seat, now);
        if (membership.paid()) {
            commands.sendAndWait(new PayClaim(seat.bookingId(), CreditMessages.MEMBERSHIP,
                    membership.subscriptionId(), 0, null, now));
            return;
        }
        Payment payment = passes.pay(seat.organizationId(), seat.memberId(), members.household(seat.memberId()),
                seat.bookingId(), seat.credits(), seat.siteId(), seat.activityType(), seat.startsAt(), now);
        if (payment.passId() != null) {
            commands.sendAndWait(new PayClaim(seat.bookingId(), CreditMessages.PASS, payment.passId(),
                    seat.credits(), payment.balance(), now));
            return;
        }
        commands.sendAndWait(new RefuseClaim(seat.bookingId(), membership.refusal() != null ? membership.refusal()
                : payment.refusal(), now));
    }

    /** A booking was cancelled: with re-credit, what paid for it comes back, once. */
    public void bookingCancelled(UUID organizationId, UUID sessionId, UUID bookingId, UUID memberId,
                                 boolean recredit, Instant now) {
        commands.sendAndWait(new CancelClaim(bookingId, organizationId, sessionId, memberId, recredit, now));
        Optional<Claim> claim = claim(bookingId);
        if (claim.isEmpty() || !claim.get().owesRestoration()) {
            return;
        }
        Integer balance = null;
        if (CreditMessages.MEMBERSHIP.equals(claim.get().paidBy())) {
            memberships.giveBack(claim.get().payerId(), bookingId, now);
        } else {
            balance = passes.restore(claim.get().payerId(), bookingId, now);
        }
        commands.sendAndWait(new RecordRestored(bookingId, balance, now));
    }

    private Optional<Claim> claim(UUID bookingId) {
        return jdbc.sql("SELECT status, paid_by, payer_id, recredit, restored FROM credit_claim WHERE booking_id = ?")
                .param(bookingId)
                .query((row, number) -> new Claim(row.getString("status"), row.getString("paid_by"),
                        row.getObject("payer_id", UUID.class), row.getBoolean("recredit"),
                        row.getBoolean("restored")))
                .optional();
    }

    /** A claim's state as the protocol reads it, in its own transaction. */
    private record Claim(String status, String paidBy, UUID payerId, boolean recredit, boolean restored) {

        boolean undecided() {
            return "claimed".equals(status);
        }

        boolean owesRestoration() {
            return "paid".equals(status) && recredit && !restored;
        }
    }

    @EventHandler
    void on(CreditClaimed event) {
        jdbc.sql("""
                        INSERT INTO credit_claim (booking_id, organization_id, status) VALUES (?, ?, 'claimed')
                        ON CONFLICT (booking_id) DO NOTHING""")
                .params(event.bookingId(), event.seat().organizationId()).update();
    }

    @EventHandler
    void on(ClaimPaid event) {
        jdbc.sql("UPDATE credit_claim SET status = 'paid', paid_by = ?, payer_id = ?, credits = ? "
                        + "WHERE booking_id = ?")
                .params(event.paidBy(), event.payerId(), event.credits(), event.bookingId()).update();
    }

    @EventHandler
    void on(ClaimRefused event) {
        jdbc.sql("UPDATE credit_claim SET status = 'refused' WHERE booking_id = ?").param(event.bookingId())
                .update();
    }

    @EventHandler
    void on(ClaimCancelled event) {
        jdbc.sql("""
                        INSERT INTO credit_claim (booking_id, organization_id, status, recredit)
                        VALUES (?, ?, 'cancelled', ?)
                        ON CONFLICT (booking_id) DO UPDATE SET recredit = EXCLUDED.recredit""")
                .params(event.bookingId(), event.organizationId(), event.recredit()).update();
    }

    @EventHandler
    void on(ClaimRestored event) {
        jdbc.sql("UPDATE credit_claim SET restored = TRUE WHERE booking_id = ?").param(event.bookingId()).update();
    }

    /** The claims table follows the claims' events in their own transaction. */
    @Configuration(proxyBeanMethods = false)
    static class Processing {

        @Bean
        ConfigurerModule creditClaimsSubscribe() {
            return configurer -> configurer.eventProcessing(processing ->
                    processing.registerSubscribingEventProcessor(GROUP));
        }
    }
}
