package io.palestra.local.platform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FreePortsTest {

    @Test
    void picksDistinctFreePortsWithTheKafkaControllerNextToTheBroker() {
        Ports ports = Ports.free();

        List<Integer> all = new ArrayList<>(ports.services().values());
        all.addAll(List.of(ports.gateway(), ports.issuer(), ports.postgres(), ports.kafka(), ports.kafkaController()));
        Set<Integer> distinct = new HashSet<>(all);
        assertThat(distinct).hasSize(all.size());
        assertThat(all).allMatch(PortCheck::isFree);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
