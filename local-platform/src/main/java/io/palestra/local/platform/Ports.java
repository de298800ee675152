package io.palestra.local.platform;

import java.util.EnumMap;
import java.util.Map;

/**
 * Every port the platform listens on. The Kafka controller always takes the port after the broker's.
 *
 * @param postgres the embedded PostgreSQL's port; unused with an external server
 * @param kafka    the embedded broker's client port; unused with an external broker
 */
public record Ports(int gateway, int issuer, int postgres, int kafka, Map<Service, Integer> services) {

    public Ports {
        services = Map.copyOf(services);
        for (Service service : Service.values()) {
            if (!services.containsKey(service)) {
                throw new IllegalArgumentException("No port for " + service.module());
            }
        }
    }

    /** The documented ports: gateway 8080, services 8081 to 8084, issuer 8089, PostgreSQL 15432, Kafka 19092. */
    public static Ports defaults() {
        Map<Service, Integer> services = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            services.put(service, service.defaultPort());
        }
        return new Ports(Gateway.DEFAULT_PORT, 8089, 15432, 19092, services);
    }

    /** Ports free right now, so a test platform can run beside a developer's own. */
    public static Ports free() {
        return FreePorts.pick();
    }

    public int kafkaController() {
        return kafka + 1;
    }

    public int service(Service service) {
        return services.get(service);
    }

    public Ports withGateway(int port) {
        return new Ports(port, issuer, postgres, kafka, services);
    }

    public Ports withIssuer(int port) {
        return new Ports(gateway, port, postgres, kafka, services);
    }

    public Ports withPostgres(int port) {
        return new Ports(gateway, issuer, port, kafka, services);
    }

    public Ports withKafka(int port) {
        return new Ports(gateway, issuer, postgres, port, services);
    }

    public Ports withService(Service service, int port) {
        Map<Service, Integer> changed = new EnumMap<>(services);
        changed.put(service, port);
        return new Ports(gateway, issuer, postgres, kafka, changed);
    }
}
