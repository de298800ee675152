package io.palestra.billing.schedule;

import io.palestra.billing.schedule.ScheduleMessages.MakeScheduledPaymentDue;
import io.palestra.platform.timing.Sleeper;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/** Wakes an upcoming payment on its day. */
@Component
class ScheduledPaymentSleeper implements Sleeper {

    @Override
    public String kind() {
        return ScheduledPayment.WAKEUP_KIND;
    }

    @Override
    public Object wakeCommand(UUID aggregateId, Instant now) {
        return new MakeScheduledPaymentDue(aggregateId, now);
    }
}
