package io.palestra.platform.axon;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * Carries who, which organisation, which correlation and which trace from a handled message to every message it
 * causes (the events a command applies, the commands an event handler sends), and records the causation.
 */
class CorrelationData implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        MetaData metaData = message.getMetaData();
        Map<String, Object> data = new HashMap<>();
        data.put(Metadata.CORRELATION_ID, metaData.getOrDefault(Metadata.CORRELATION_ID, message.getIdentifier()));
        data.put(Metadata.CAUSATION_ID, message.getIdentifier());
        for (String key : new String[]{Metadata.ACTING_USER, Metadata.ORGANIZATION_ID, Metadata.TRACEPARENT}) {
            Object value = metaData.get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        return data;
    }
}
