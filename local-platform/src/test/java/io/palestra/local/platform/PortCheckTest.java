package io.palestra.local.platform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortCheckTest {

    @Test
    void reportsAPortTakenOnTheLoopbackOnly() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> PortCheck.requireFree(List.of(
                    new PortCheck.Use(port, "members-service", "PALESTRA_MEMBERS_PORT"))))
                    .isInstanceOf(StartupFailure.class)
                    .hasMessageContaining(port + " (members-service) is already in use; PALESTRA_MEMBERS_PORT "
                            + "chooses another");
        }
    }

    @Test
    void reportsTheSamePortChosenTwice() throws IOException {
        int port = FreePortsTest.freePort();

        assertThatThrownBy(() -> PortCheck.requireFree(List.of(
                new PortCheck.Use(port, "token issuer", "PALESTRA_ISSUER_PORT"),
                new PortCheck.Use(port, "gateway", "PALESTRA_GATEWAY_PORT"))))
                .hasMessageContaining(port + " is chosen for both token issuer and gateway (PALESTRA_GATEWAY_PORT)");
    }

    @Test
    void acceptsFreePorts() {
        Ports ports = Ports.free();

        assertThatCode(() -> PortCheck.requireFree(PortCheck.uses(
                Settings.defaults(Path.of("/p")).withPorts(ports)))).doesNotThrowAnyException();
    }

    @Test
    void checksOnlyWhatRunsHere() {
        Settings external = Settings.defaults(Path.of("/p"))
                .withExternalPostgres("jdbc:postgresql://db:5432/", "u", "p")
                .withExternalKafka("kafka:9092")
                .withGateway(false);

        assertThat(PortCheck.uses(external)).extracting(PortCheck.Use::what).containsExactly(
                "members-service", "subscription-service", "booking-service", "billing-service", "token issuer");
    }
}
