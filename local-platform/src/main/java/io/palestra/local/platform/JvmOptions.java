package io.palestra.local.platform;

import java.util.List;

/**
 * JVM options of every service and the gateway, for a 2-core laptop running all of them at once. Measured here (2
 * cores, Java 17), four services started together against a running PostgreSQL and Kafka, time until all were
 * ready and RSS of each once ready:
 * <pre>
 *   JVM defaults (G1, C2, heap up to 1/4 of RAM)         33.7 s   330 to 440 MB
 *   -XX:+UseSerialGC                                     33.2 s   330 to 350 MB
 *   -XX:TieredStopAtLevel=1                              19.1 s   305 to 390 MB
 *   both, with -Xss512k -Xmx256m (kept)                  18.7 s   255 to 265 MB
 *   the same, with code cache and metaspace caps         18.5 s   255 to 265 MB (no gain: not kept)
 * </pre>
 * One service alone: 7.6 to 7.9 s and 340 to 375 MB with the defaults, 6.4 s and 265 MB with these options. C1 alone
 * (no C2) wins most: during startup the two cores are busy compiling with C2 what runs only once. The cost is lower
 * peak throughput; for a load test add {@code -XX:TieredStopAtLevel=4} and a bigger {@code -Xmx} to
 * {@code PALESTRA_SERVICE_JAVA_OPTS}, which come after these and so win (a second garbage collector cannot be chosen
 * that way: the JVM refuses two).
 */
final class JvmOptions {

    static final List<String> SERVICE = List.of(
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xss512k",
            "-Xmx256m");

    private JvmOptions() {
    }
}
