package io.palestra.members.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member's consents: to be reached on a channel, or to receive what a marketing preference of the organisation
 * covers. Each decision is kept with its source (where it was expressed), when it was expressed and who recorded it
 * (the acting user, in the event's metadata).
 */
public final class ConsentMessages {

    private ConsentMessages() {
    }

    /** What a consent is about: exactly one of a channel or a marketing preference. */
    public record ConsentTopic(Channel channel, UUID preferenceId) {

        public ConsentTopic {
            if ((channel == null) == (preferenceId == null)) {
                throw new IllegalArgumentException("A consent is about a channel or a marketing preference");
            }
        }

        public static ConsentTopic of(Channel channel) {
            return new ConsentTopic(channel, null);
        }

        public static ConsentTopic of(UUID preferenceId) {
            return new ConsentTopic(null, preferenceId);
        }

        /** A stable text key: {@code channel:email} or {@code preference:<id>}. */
        public String key() {
            return channel != null ? "channel:" + channel.value() : "preference:" + preferenceId;
        }
    }

    /** One decision of the member: yes or no to a topic, where and when they expressed it. */
    public record ConsentDecision(ConsentTopic topic, boolean granted, String source, Instant decidedAt) {
    }

    /** Records decisions together, as a consent form gives them: all or none. */
    public record RecordConsents(@TargetAggregateIdentifier UUID memberId, List<ConsentDecision> decisions) {
    }

    public record ConsentRecorded(UUID memberId, UUID organizationId, Channel channel, UUID preferenceId,
                                  boolean granted, String source, Instant decidedAt) {

        public ConsentTopic topic() {
            return new ConsentTopic(channel, preferenceId);
        }
    }
}
