package io.palestra.local.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that every port the platform will listen on is free, so that a second launch, or a service a developer
 * started by hand, is reported up front rather than as a process dying half-way.
 */
final class PortCheck {

    /** A port and what will listen on it, with the variable that moves it. */
    record Use(int port, String what, String variable) {
    }

    private PortCheck() {
    }

    static List<Use> uses(Settings settings) {
        Ports ports = settings.ports();
        List<Use> uses = new ArrayList<>();
        if (settings.gateway()) {
            uses.add(new Use(ports.gateway(), "gateway", "PALESTRA_GATEWAY_PORT"));
        }
        for (Service service : Service.values()) {
            uses.add(new Use(ports.service(service), service.module(), service.portVariable()));
        }
        uses.add(new Use(ports.issuer(), "token issuer", "PALESTRA_ISSUER_PORT"));
        if (settings.embeddedPostgres()) {
            uses.add(new Use(ports.postgres(), "PostgreSQL", "PALESTRA_POSTGRES_PORT"));
        }
        if (settings.embeddedKafka()) {
            uses.add(new Use(ports.kafka(), "Kafka", "PALESTRA_KAFKA_PORT"));
            uses.add(new Use(ports.kafkaController(), "Kafka controller", "PALESTRA_KAFKA_PORT"));
        }
        return uses;
    }

    static void requireFree(List<Use> uses) {
        List<String> problems = new ArrayList<>();
        Map<Integer, Use> claimed = new HashMap<>();
        for (Use use : uses) {
            Use other = claimed.putIfAbsent(use.port(), use);
            if (other != null) {
                problems.add(use.port() + " is chosen for both " + other.what() + " and " + use.what()
                        + " (" + use.variable() + ")");
            } else if (!isFree(use.port())) {
                problems.add(use.port() + " (" + use.what() + ") is already in use; " + use.variable()
                        + " chooses another");
            }
        }
        if (!problems.isEmpty()) {
            throw new StartupFailure("Ports are not available:\n  " + String.join("\n  ", problems)
                    + "\nIs Palestra already running, or a service started by hand?");
        }
    }

    /** Binds as the processes will, on every interface, so a listener on any address counts as taken. */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
