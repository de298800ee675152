package io.palestra.platform.timing;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Aggregates that act on their own when their time comes (an installment falls due, a failed payment is retried): a
 * service opts in with {@code @Import(Timing.class)}, a {@code wakeup} table in its database (see
 * {@code JdbcWakeups}) and a {@link Sleeper} per kind of aggregate. {@link WakeupPoller} runs on Spring's scheduler.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@Import({JdbcWakeups.class, WakeupPoller.class})
public class Timing {
}
