package io.palestra.booking;

import io.palestra.test.RunningServiceContract;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * booking-service keeps the promises of every Palestra service, on a real PostgreSQL and Kafka; in the same running
 * service as the other integration tests (see {@link BookingServiceTest}).
 */
@Import(MovingTime.class)
@TestPropertySource(properties = BookingServiceTest.SHORT_ANSWER_WAIT)
class BookingServiceIT extends RunningServiceContract {
}
