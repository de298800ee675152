package io.palestra.gateway;

import io.palestra.test.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One Swagger UI for the whole API, fed by each service's own OpenAPI document. */
class ApiDocsIT extends AllServicesUpTest {

    @ParameterizedTest
    @CsvSource({"members, members-service", "subscriptions, subscription-service", "bookings, booking-service",
            "billing, billing-service"})
    void servesEachServicesDocumentWithoutToken(String name, String service) {
        // The stub answers its document only at /v3/api-docs: the title proves the path was rewritten.
        Http.Response response = gateway().get("/v3/api-docs/" + name).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("info").get("title").asString()).isEqualTo(service);
    }

    @Test
    void swaggerUiListsTheFourDocuments() {
        JsonNode config = gateway().get("/v3/api-docs/swagger-config").send().json();

        List<String> urls = new ArrayList<>();
        config.get("urls").forEach(url -> urls.add(url.get("name").asString() + "=" + url.get("url").asString()));
        assertThat(urls).containsExactlyInAnyOrder("members=/v3/api-docs/members",
                "subscriptions=/v3/api-docs/subscriptions", "bookings=/v3/api-docs/bookings",
                "billing=/v3/api-docs/billing");
    }

    @Test
    void servesSwaggerUiWithoutToken() {
        Http.Response entry = gateway().get("/swagger-ui.html").send();
        assertThat(entry.status()).isEqualTo(302);

        Http.Response page = gateway().get(entry.header("Location").orElseThrow()).send();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
    }
}
