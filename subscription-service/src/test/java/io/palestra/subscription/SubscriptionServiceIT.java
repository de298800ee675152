package io.palestra.subscription;

import io.palestra.test.RunningServiceContract;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * subscription-service keeps the promises of every Palestra service, on a real PostgreSQL and Kafka; in the same
 * running service as the other integration tests (see {@link SubscriptionServiceTest}).
 */
@Import(MovingTime.class)
@TestPropertySource(properties = SubscriptionServiceTest.WAKE_UPS_WHEN_TOLD)
class SubscriptionServiceIT extends RunningServiceContract {
}
