package io.palestra.subscription.timing;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link WakeupPoller} on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TimingConfiguration {
}
