package io.palestra.billing.collection;

import io.palestra.billing.invoice.InvoiceMessages.RetryCollection;
import io.palestra.platform.timing.Sleeper;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/** Wakes an invoice whose dunning plan's next attempt has come. */
@Component
class CollectionSleeper implements Sleeper {

    @Override
    public String kind() {
        return "collection";
    }

    @Override
    public Object wakeCommand(UUID aggregateId, Instant now) {
        return new RetryCollection(aggregateId, now);
    }
}
