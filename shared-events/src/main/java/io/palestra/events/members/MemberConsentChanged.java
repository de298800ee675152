package io.palestra.events.members;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * A member said yes or no to being reached on a channel, or to a marketing preference of the organisation (exactly
 * one of {@code channel} and {@code preferenceId}). The decision in force for a topic is the one with the latest
 * {@code decidedAt}: a decision recorded late (a paper form) may be older than the one in force.
 *
 * @param organizationId the organisation
 * @param memberId       the member (also the record key)
 * @param channel        {@code email}, {@code sms}, {@code push} or {@code post}; more may come
 * @param preferenceId   a marketing preference of {@link MarketingPreferencesChanged}
 * @param granted        yes (opt-in) or no (opt-out)
 * @param source         where the member expressed it, e.g. {@code front-desk}, {@code paper-form}, {@code import}
 * @param decidedAt      when the member expressed it
 */
@JsonTypeName("palestra.members.MemberConsentChanged.v1")
public record MemberConsentChanged(UUID organizationId, UUID memberId, @Nullable String channel,
                                   @Nullable UUID preferenceId, boolean granted, String source, Instant decidedAt)
        implements MembersEvent {
}
