package io.palestra.platform.axon;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

import java.util.Collection;
import java.util.OptionalLong;

/**
 * Position and lag of every streaming processor of this instance, for dashboards and alerts:
 * {@code palestra_axon_processor_position}, {@code palestra_axon_processor_lag} (events between the head of the
 * event store and the slowest segment this instance owns) and {@code palestra_axon_processor_segments}.
 */
class ProcessorMetrics implements ApplicationListener<ApplicationReadyEvent> {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final MeterRegistry meters;
    private volatile long headReadAt;
    private volatile long head;

    ProcessorMetrics(EventProcessingConfiguration processing, EventStore eventStore, MeterRegistry meters) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.meters = meters;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("palestra.axon.processor.position", streaming, p -> slowest(p).orElse(-1))
                        .tag("processor", name).description("Lowest event position among the owned segments")
                        .register(meters);
                Gauge.builder("palestra.axon.processor.lag", streaming, this::lag)
                        .tag("processor", name).description("Events stored but not yet handled by this processor")
                        .register(meters);
                Gauge.builder("palestra.axon.processor.segments", streaming, p -> p.processingStatus().size())
                        .tag("processor", name).description("Segments this instance owns")
                        .register(meters);
            }
        });
    }

    private double lag(StreamingEventProcessor processor) {
        OptionalLong slowest = slowest(processor);
        return slowest.isPresent() ? Math.max(0, head() - slowest.getAsLong()) : 0;
    }

    private static OptionalLong slowest(StreamingEventProcessor processor) {
        Collection<EventTrackerStatus> statuses = processor.processingStatus().values();
        return statuses.stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min();
    }

    private long head() {
        long now = System.currentTimeMillis();
        if (now - headReadAt > 1000) {
            TrackingToken token = eventStore.createHeadToken();
            head = token == null ? 0 : token.position().orElse(0);
            headReadAt = now;
        }
        return head;
    }
}
