package io.palestra.subscription;

import io.palestra.test.RunningServiceContract;

/** subscription-service keeps the promises of every Palestra service, on a real PostgreSQL and Kafka. */
class SubscriptionServiceIT extends RunningServiceContract {
}
