package io.palestra.platform.axon;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.palestra.platform.personal.JdbcSubjectKeys;
import io.palestra.platform.personal.SubjectKeys;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration;
import org.axonframework.springboot.autoconfig.TransactionAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Axon 4.13's auto-configurations still name Spring Boot 3's data source classes in their ordering, so under Boot 4
 * they could run before the data source and transaction manager exist (and silently fall back to no transactions).
 * Sitting between Boot 4's JDBC auto-configurations and Axon's puts them back in order.
 *
 * <p>Axon the Palestra way: JDBC storage on the service's PostgreSQL (schema by Flyway), pooled streaming processors
 * that never skip an event (a failing handler holds its segment and retries with back-off) and hear of new events at
 * once, correlation metadata on every message, read-your-writes, and processor metrics.
 */
@AutoConfiguration(
        after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class},
        before = {JdbcAutoConfiguration.class, TransactionAutoConfiguration.class,
                NoOpTransactionAutoConfiguration.class, AxonAutoConfiguration.class})
public class PalestraAxonAutoConfiguration {

    /**
     * Tells Axon that PostgreSQL's unique violation (SQL state 23505) on the event store is a concurrent append: a
     * {@code ConcurrencyException} (409, or a retried record), not a failed store. Axon's JDBC default only recognises
     * JPA's duplicate, so without this two commands racing on one aggregate answered 503.
     */
    @Bean
    PersistenceExceptionResolver palestraDuplicateKeys() {
        return new SQLStateResolver("23505");
    }

    @Bean
    StoredAggregates storedAggregates(JdbcClient jdbc) {
        return new StoredAggregates(jdbc);
    }

    @Bean
    SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema();
    }

    @Bean
    SubjectKeys subjectKeys(JdbcClient jdbc,
                            @Value("${palestra.personal-data.key-cache-time-to-live:10m}") Duration timeToLive) {
        return new JdbcSubjectKeys(jdbc, timeToLive);
    }

    @Bean
    Jackson3SerializerCustomizer palestraAxonJsonTypes(SubjectKeys keys) {
        return new AxonJsonTypes(keys);
    }

    @Bean
    EventStoreNotifications eventStoreNotifications(DataSource dataSource) {
        return new EventStoreNotifications(dataSource);
    }

    @Bean
    ConfigurerModule palestraEventProcessing(EventStoreNotifications notifications,
                                             ObjectProvider<EventStorageEngine> storage) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingPooledStreamingEventProcessors()
                .configureDefaultStreamableMessageSource(
                        configuration -> new NotifyingMessageSource(storage.getObject(), notifications))
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(configuration -> PropagatingErrorHandler.instance()));
    }

    @Bean
    CorrelationDataProvider palestraCorrelationData() {
        return new CorrelationData();
    }

    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> palestraCommandMetadata(ObjectProvider<Tracer> tracer) {
        return new CallerMetadata<>(tracer);
    }

    @Bean
    MessageDispatchInterceptor<QueryMessage<?, ?>> palestraQueryMetadata(ObjectProvider<Tracer> tracer) {
        return new CallerMetadata<>(tracer);
    }

    @Bean
    ReadYourWrites readYourWrites(JdbcClient jdbc, Serializer serializer,
                                  @Value("${palestra.read-your-writes.timeout:5s}") Duration timeout) {
        return new ReadYourWrites(jdbc, serializer, timeout);
    }

    @Bean
    ProcessorMetrics palestraProcessorMetrics(EventProcessingConfiguration processing, EventStore eventStore,
                                              MeterRegistry meters) {
        return new ProcessorMetrics(processing, eventStore, meters);
    }
}
