package io.palestra.platform.idempotency;

import io.palestra.platform.web.Problems;
import io.palestra.platform.web.WebAutoConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** {@code Idempotency-Key} support on every POST, with answers kept for a day. */
@AutoConfiguration(after = WebAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class IdempotencyAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyAutoConfiguration.class);

    @Bean
    IdempotencyStore idempotencyStore(JdbcClient jdbc, JsonMapper json,
                                      @Value("${palestra.idempotency.retention:24h}") Duration retention) {
        return new IdempotencyStore(jdbc, json, retention);
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store,
                                                                PlatformTransactionManager transactions,
                                                                Problems problems,
            @Value("${palestra.idempotency.in-flight-wait:10s}") Duration inFlightWait) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(store, transactions, problems, inFlightWait));
        registration.setOrder(WebAutoConfiguration.BODY_LIMIT_ORDER + 10);
        return registration;
    }

    @Bean
    SmartLifecycle idempotencyPurge(IdempotencyStore store) {
        return new SmartLifecycle() {
            private ScheduledExecutorService scheduler;

            @Override
            public void start() {
                scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "idempotency-purge");
                    thread.setDaemon(true);
                    return thread;
                });
                scheduler.scheduleWithFixedDelay(() -> {
                    try {
                        int purged = store.purgeExpired();
                        if (purged > 0) {
                            log.debug("Purged {} expired idempotency records", purged);
                        }
                    } catch (RuntimeException e) {
                        log.warn("Could not purge expired idempotency records", e);
                    }
                }, 1, 60, TimeUnit.MINUTES);
            }

            @Override
            public void stop() {
                scheduler.shutdownNow();
            }

            @Override
            public boolean isRunning() {
                return scheduler != null && !scheduler.isShutdown();
            }
        };
    }
}
