package io.palestra.local.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Picks free ports, holding each open until all are chosen so that no two are the same. */
final class FreePorts {

    private FreePorts() {
    }

    static Ports pick() {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int gateway = hold(held);
            int issuer = hold(held);
            int postgres = hold(held);
            int kafka = holdPair(held);
            Map<Service, Integer> services = new EnumMap<>(Service.class);
            for (Service service : Service.values()) {
                services.put(service, hold(held));
            }
            return new Ports(gateway, issuer, postgres, kafka, services);
        } finally {
            held.forEach(FreePorts::closeQuietly);
        }
    }

    private static int hold(List<ServerSocket> held) {
        try {
            ServerSocket socket = new ServerSocket(0);
            held.add(socket);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port left", e);
        }
    }

    /** Kafka's controller listens on the port after the broker's, so both must be free. */
    private static int holdPair(List<ServerSocket> held) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = hold(held);
            if (port < 65535) {
                try {
                    held.add(new ServerSocket(port + 1));
                    return port;
                } catch (IOException taken) {
                    // try another pair
                }
            }
        }
        throw new IllegalStateException("Found no two consecutive free ports for Kafka");
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // it was only held to reserve the number
        }
    }
}
