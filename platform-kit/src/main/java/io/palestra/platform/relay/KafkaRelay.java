package io.palestra.platform.relay;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes the service's events from its event store to Kafka. It is a streaming processor: the event store is the
 * outbox, and the processor's token is the relay's position. A batch is sent asynchronously and the token moves
 * only after the broker acknowledged every record of it (acks=all, idempotent producer); a failed or unacknowledged
 * batch rolls back and is sent again, so a stopped broker holds the relay and nothing is lost. Delivery is at least
 * once: consumers dedupe on {@code ce_id}.
 */
@ProcessingGroup(KafkaRelay.PROCESSING_GROUP)
public class KafkaRelay {

    public static final String PROCESSING_GROUP = "palestra-kafka-relay";
    private static final String PENDING = KafkaRelay.class.getName() + ".pending";

    private final PublishedLanguage language;
    private final CloudEventRecords records;
    private final KafkaTemplate<String, byte[]> kafka;
    private final MeterRegistry meters;
    private final Duration acknowledgementTimeout;

    KafkaRelay(PublishedLanguage language, CloudEventRecords records, KafkaTemplate<String, byte[]> kafka,
               MeterRegistry meters, Duration acknowledgementTimeout) {
        this.language = language;
        this.records = records;
        this.kafka = kafka;
        this.meters = meters;
        this.acknowledgementTimeout = acknowledgementTimeout;
    }

    @EventHandler
    void relay(Object payload, EventMessage<?> message) {
        List<Publication> publications = language.translate(message);
        if (publications.isEmpty()) {
            return;
        }
        Pending pending = pendingOfThisBatch();
        for (int index = 0; index < publications.size(); index++) {
            ProducerRecord<String, byte[]> record = records.of(publications.get(index), message, index);
            pending.add(record, kafka.send(record));
        }
    }

    private Pending pendingOfThisBatch() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING, key -> {
            Pending pending = new Pending();
            batch.onPrepareCommit(unitOfWork -> pending.awaitAcknowledgements());
            return pending;
        });
    }

    /** The records of one batch still waiting for the broker's acknowledgement. */
    private final class Pending {

        private final List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>();
        private final List<ProducerRecord<String, byte[]>> sent = new ArrayList<>();

        void add(ProducerRecord<String, byte[]> record, CompletableFuture<SendResult<String, byte[]>> send) {
            sent.add(record);
            sends.add(send);
        }

        void awaitAcknowledgements() {
            try {
                CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                        .get(acknowledgementTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                meters.counter("palestra.relay.failed.batches").increment();
                throw new RelayException("Kafka did not acknowledge a batch of " + sends.size()
                        + " records; the batch will be sent again", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RelayException("Interrupted while waiting for Kafka", e);
            }
            sent.forEach(record -> meters.counter("palestra.relay.published", "topic", record.topic(),
                    "type", new String(record.headers().lastHeader("ce_type").value())).increment());
        }
    }

    /** Kafka could not take a batch: the processor rolls back and retries it with back-off. */
    public static class RelayException extends RuntimeException {
        RelayException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
