package io.palestra.subscription.subscription;

import io.palestra.subscription.subscription.SubscriptionMessages.CatchUp;
import io.palestra.platform.timing.Sleeper;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/** Wakes a subscription when an installment falls due, a pause begins or ends, or its last day is over. */
@Component
class SubscriptionSleeper implements Sleeper {

    @Override
    public String kind() {
        return Subscription.KIND;
    }

    @Override
    public Object wakeCommand(UUID aggregateId, Instant now) {
        return new CatchUp(aggregateId, now);
    }
}
