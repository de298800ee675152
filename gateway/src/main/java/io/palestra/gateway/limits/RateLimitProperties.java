package io.palestra.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many requests one client may send: a burst of {@code capacity}, then {@code refillPerSecond} a second. The
 * buckets live in this instance's memory, so behind N gateway instances a client gets up to N times as much.
 *
 * @param maxClients buckets kept at most; the least recently seen client is forgotten first (and starts afresh)
 */
@ConfigurationProperties("palestra.gateway.rate-limit")
record RateLimitProperties(@DefaultValue("100") long capacity,
                           @DefaultValue("50") long refillPerSecond,
                           @DefaultValue("10000") int maxClients) {
}
