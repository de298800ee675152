package io.palestra.booking;

import io.palestra.test.RunningServiceContract;

/** booking-service keeps the promises of every Palestra service, on a real PostgreSQL and Kafka. */
class BookingServiceIT extends RunningServiceContract {
}
