package io.palestra.billing;

import io.palestra.test.RunningServiceContract;

/** billing-service keeps the promises of every Palestra service, on a real PostgreSQL and Kafka. */
class BillingServiceIT extends RunningServiceContract {
}
