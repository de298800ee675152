package io.palestra.gateway;

import io.palestra.local.issuer.TokenRequest;
import io.palestra.test.Http;
import io.palestra.test.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.UUID;

/** A real gateway on a random port, called over HTTP as a client would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class GatewayTest {

    static final UUID ORGANIZATION = UUID.randomUUID();

    @LocalServerPort
    int port;

    Http gateway() {
        return new Http("http://localhost:" + port);
    }

    /** A token of the development issuer the gateway trusts, for a manager named {@code subject}. */
    static String token(String subject) {
        return TestInfrastructure.tokens().sign(TokenRequest.staff(ORGANIZATION, "manager", subject));
    }

    static String uniquePath(String resource) {
        return "/api/v1/" + resource + "/" + UUID.randomUUID();
    }
}
