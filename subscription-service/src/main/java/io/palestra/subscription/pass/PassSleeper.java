package io.palestra.subscription.pass;

import io.palestra.subscription.pass.PassMessages.CatchUpPass;
import io.palestra.platform.timing.Sleeper;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/** Wakes a pass at the end of its last valid day, to expire it. */
@Component
class PassSleeper implements Sleeper {

    @Override
    public String kind() {
        return Pass.KIND;
    }

    @Override
    public Object wakeCommand(UUID aggregateId, Instant now) {
        return new CatchUpPass(aggregateId, now);
    }
}
