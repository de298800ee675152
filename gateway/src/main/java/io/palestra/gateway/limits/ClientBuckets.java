package io.palestra.gateway.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One token bucket per client, in memory, at most {@link RateLimitProperties#maxClients()} of them. */
@Component
class ClientBuckets {

    private final RateLimitProperties limits;
    private final Map<String, Bucket> buckets;

    ClientBuckets(RateLimitProperties limits) {
        this.limits = limits;
        // Access-ordered, so the eldest entry is the client seen least recently.
        this.buckets = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > limits.maxClients();
            }
        });
    }

    /** Takes one request from {@code client}'s bucket, telling what is left or how long to wait. */
    ConsumptionProbe take(String client) {
        return buckets.computeIfAbsent(client, ignored -> newBucket()).tryConsumeAndReturnRemaining(1);
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(limits.capacity())
                        .refillGreedy(limits.refillPerSecond(), Duration.ofSeconds(1)))
                .build();
    }
}
