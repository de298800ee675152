package io.palestra.platform.relay;

import io.micrometer.core.instrument.MeterRegistry;
import io.palestra.events.EventStream;
import io.palestra.platform.inbox.Inbox;
import io.palestra.platform.inbox.InboundEvents;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * Kafka the Palestra way: one producer for the relay and the dead letters (acks=all, idempotent), the relay itself
 * when the service publishes a contract, the topics of its context, and for consumers a listener factory whose
 * failing records are retried with back-off, then parked on {@code <topic>.DLT} while the partition goes on.
 */
@AutoConfiguration(before = org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration.class)
public class KafkaAutoConfiguration {

    @Bean
    DefaultKafkaProducerFactory<String, byte[]> palestraProducerFactory(
            KafkaProperties properties, ObjectProvider<DefaultKafkaProducerFactoryCustomizer> customizers) {
        Map<String, Object> config = properties.buildProducerProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(config,
                new StringSerializer(), new ByteArraySerializer());
        customizers.orderedStream().forEach(customizer -> customizer.customize(factory));
        return factory;
    }

    @Bean
    KafkaTemplate<String, byte[]> palestraKafkaTemplate(DefaultKafkaProducerFactory<String, byte[]> producers) {
        return new KafkaTemplate<>(producers);
    }

    @Bean
    DefaultKafkaConsumerFactory<String, byte[]> palestraConsumerFactory(
            KafkaProperties properties, ObjectProvider<DefaultKafkaConsumerFactoryCustomizer> customizers) {
        Map<String, Object> config = properties.buildConsumerProperties();
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        DefaultKafkaConsumerFactory<String, byte[]> factory = new DefaultKafkaConsumerFactory<>(config,
                new StringDeserializer(), new ByteArrayDeserializer());
        customizers.orderedStream().forEach(customizer -> customizer.customize(factory));
        return factory;
    }

    /**
     * The factory behind every {@code @KafkaListener} of a service: records as {@code ConsumerRecord<String, byte[]>}
     * (read them with {@link InboundEvents}), retried with exponential back-off, then sent to {@code <topic>.DLT}.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> kafkaListenerContainerFactory(
            DefaultKafkaConsumerFactory<String, byte[]> consumers, KafkaTemplate<String, byte[]> template,
            MeterRegistry meters,
            @Value("${palestra.kafka.consumer.max-retries:4}") int maxRetries,
            @Value("${palestra.kafka.consumer.initial-backoff:500ms}") Duration initialBackoff,
            @Value("${palestra.kafka.consumer.max-backoff:10s}") Duration maxBackoff) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template, (record, failure) -> {
            meters.counter("palestra.inbox.dead.letters", "topic", record.topic()).increment();
            return new TopicPartition(record.topic() + ".DLT", -1);
        });
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(maxRetries);
        backOff.setInitialInterval(initialBackoff.toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(maxBackoff.toMillis());
        DefaultErrorHandler errors = new DefaultErrorHandler(deadLetters, backOff);
        errors.addNotRetryableExceptions(InboundEvents.NotACloudEvent.class);
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumers);
        factory.setCommonErrorHandler(errors);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        factory.getContainerProperties().setObservationEnabled(true);
        return factory;
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin);
    }

    @Bean
    Inbox inbox(JdbcClient jdbc, TransactionTemplate transactions, MeterRegistry meters) {
        return new Inbox(jdbc, transactions, meters);
    }

    /** The topics of the service's own context, and their dead-letter topics, created when missing. */
    @Bean
    KafkaAdmin.NewTopics palestraTopics(@Value("${palestra.context:}") String context,
                                        @Value("${palestra.kafka.partitions:3}") int partitions,
                                        @Value("${palestra.kafka.replication-factor:1}") short replicas) {
        return new KafkaAdmin.NewTopics(Arrays.stream(EventStream.values())
                .filter(stream -> stream.context().equals(context))
                .map(stream -> topic(stream, partitions, replicas))
                .toArray(NewTopic[]::new));
    }

    @Bean
    @ConditionalOnBean(PublishedLanguage.class)
    KafkaRelay palestraKafkaRelay(PublishedLanguage language, KafkaTemplate<String, byte[]> template,
                                  MeterRegistry meters, @Value("${palestra.context}") String context,
                                  @Value("${palestra.relay.acknowledgement-timeout:30s}") Duration timeout) {
        return new KafkaRelay(language, new CloudEventRecords(context), template, meters, timeout);
    }

    @Bean
    @ConditionalOnBean(PublishedLanguage.class)
    ConfigurerModule palestraRelayProcessor(@Value("${palestra.relay.batch-size:100}") int batchSize,
                                            @Value("${palestra.relay.segments:4}") int segments) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessorConfiguration(KafkaRelay.PROCESSING_GROUP,
                        (configuration, builder) -> builder.batchSize(batchSize).initialSegmentCount(segments)));
    }

    private static NewTopic topic(EventStream stream, int partitions, short replicas) {
        TopicBuilder topic = TopicBuilder.name(stream.topic()).partitions(partitions).replicas(replicas);
        if (stream.compacted()) {
            topic.compact()
                    .config(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0")
                    .config(TopicConfig.SEGMENT_MS_CONFIG, Long.toString(Duration.ofHours(1).toMillis()))
                    .config(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.1");
        }
        return topic.build();
    }
}
