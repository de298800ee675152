package io.palestra.subscription.pass;

import io.palestra.subscription.pass.PassMessages.ConsumeAnswer;
import io.palestra.subscription.pass.PassMessages.ConsumeCredits;
import io.palestra.subscription.pass.PassMessages.CreditsMoved;
import io.palestra.subscription.pass.PassMessages.PassActivated;
import io.palestra.subscription.pass.PassMessages.PassEnded;
import io.palestra.subscription.pass.PassMessages.PassExtended;
import io.palestra.subscription.pass.PassMessages.PassIssued;
import io.palestra.subscription.pass.PassMessages.PassReassigned;
import io.palestra.subscription.pass.PassMessages.RestoreCredits;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Passes in the credit protocol: which passes may pay for a member's session, kept in {@code pass_cover} by a
 * subscribing processor (in the pass's own transaction, so a pass pays from the moment it is issued), tried from the
 * nearest expiry (passes not yet activated after those that are; unlimited ones last). The pass itself then decides,
 * in the caller's transaction.
 */
@Component
@ProcessingGroup(PassCover.GROUP)
public class PassCover {

    static final String GROUP = "pass-cover";

    private final JdbcClient jdbc;
    private final CommandGateway commands;

    PassCover(JdbcClient jdbc, CommandGateway commands) {
        this.jdbc = jdbc;
        this.commands = commands;
    }

    /**
     * The first pass that pays for the booking, from the member's own passes and the household's shared ones.
     *
     * @param household the member and everyone in their household
     * @return the payment, or why none paid: {@code no-credits-left} when a pass covers the session but lacks
     * credits, else {@code nothing-covers}
     */
    public Payment pay(UUID organizationId, UUID memberId, Set<UUID> household, UUID bookingId, int credits,
                       UUID siteId, String activityType, Instant sessionStartsAt, Instant now) {
        LocalDate day = LocalDate.ofInstant(sessionStartsAt, ZoneOffset.UTC);
        List<UUID> candidates = jdbc.sql("""
                        SELECT pass_id FROM pass_cover
                        WHERE organization_id = ? AND NOT ended
                          AND (member_id = ? OR (shareable AND member_id = ANY(?)))
                          AND (valid_until IS NULL OR valid_until >= ?)
                        ORDER BY NOT activated, valid_until NULLS LAST, pass_id""")
                .params(organizationId, memberId, household.toArray(new UUID[0]), day.minusDays(1))
                .query(UUID.class).list();
        String refusal = "nothing-covers";
        for (UUID pass : candidates) {
            ConsumeAnswer answer = commands.sendAndWait(new ConsumeCredits(pass, bookingId, credits, siteId,
                    activityType, sessionStartsAt, now));
            if (answer.paid()) {
                return new Payment(pass, answer.balance(), null);
            }
            if ("no-credits-left".equals(answer.refusal())) {
                refusal = answer.refusal();
            }
        }
        return new Payment(null, null, refusal);
    }

    /** Gives the booking's credits back to the pass that paid; the balance after. */
    public Integer restore(UUID passId, UUID bookingId, Instant now) {
        commands.sendAndWait(new RestoreCredits(passId, bookingId, now));
        return jdbc.sql("SELECT balance FROM pass_cover WHERE pass_id = ?").param(passId)
                .query((row, number) -> (Integer) row.getObject("balance")).optional().orElse(null);
    }

    /**
     * @param passId  the pass that paid, or null
     * @param refusal why none paid
     */
    public record Payment(UUID passId, Integer balance, String refusal) {
    }

    @EventHandler
    void on(PassIssued event) {
        jdbc.sql("""
                        INSERT INTO pass_cover (pass_id, organization_id, member_id, shareable, valid_until, activated,
                            balance) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (pass_id) DO NOTHING""")
                .params(event.passId(), event.organizationId(), event.memberId(), event.shareable(),
                        event.validUntil(), event.validFrom() != null, event.credits() == null ? null : 0)
                .update();
    }

    @EventHandler
    void on(CreditsMoved event) {
        jdbc.sql("UPDATE pass_cover SET balance = ? WHERE pass_id = ?").params(event.balance(), event.passId())
                .update();
    }

    @EventHandler
    void on(PassActivated event) {
        jdbc.sql("UPDATE pass_cover SET activated = TRUE, valid_until = ? WHERE pass_id = ?")
                .params(event.validUntil(), event.passId()).update();
    }

    @EventHandler
    void on(PassExtended event) {
        jdbc.sql("UPDATE pass_cover SET valid_until = ? WHERE pass_id = ?")
                .params(event.validUntil(), event.passId()).update();
    }

    @EventHandler
    void on(PassEnded event) {
        jdbc.sql("UPDATE pass_cover SET ended = TRUE WHERE pass_id = ?").param(event.passId()).update();
    }

    @EventHandler
    void on(PassReassigned event) {
        jdbc.sql("UPDATE pass_cover SET member_id = ? WHERE pass_id = ?").params(event.toMemberId(), event.passId())
                .update();
    }

    /** The table follows the passes' events in their own transaction. */
    @Configuration(proxyBeanMethods = false)
    static class Processing {

        @Bean
        ConfigurerModule passCoverSubscribes() {
            return configurer -> configurer.eventProcessing(processing ->
                    processing.registerSubscribingEventProcessor(GROUP));
        }
    }
}
