package io.palestra.billing;

import io.palestra.test.MovableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Instant;

/** The service's clock in integration tests: one the tests move. */
@TestConfiguration(proxyBeanMethods = false)
public class MovingTime {

    static final Instant START = Instant.parse("2027-03-01T08:00:00Z");

    @Bean
    MovableClock clock() {
        return new MovableClock(START);
    }
}
