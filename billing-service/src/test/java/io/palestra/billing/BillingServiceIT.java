package io.palestra.billing;

import io.palestra.test.RunningServiceContract;
import org.springframework.context.annotation.Import;

/**
 * billing-service keeps the promises of every Palestra service, on a real PostgreSQL and Kafka; on the same running
 * service as the other integration tests (see {@link BillingServiceTest}).
 */
@Import(MovingTime.class)
class BillingServiceIT extends RunningServiceContract {
}
