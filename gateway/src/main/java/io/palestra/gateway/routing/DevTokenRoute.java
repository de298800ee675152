package io.palestra.gateway.routing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.util.StringUtils;
import reactor.core.publisher.Flux;

/**
 * {@code POST /dev/token} to the development token issuer, for the local platform only. It exists only when
 * {@code palestra.gateway.dev-issuer-url} is set, which the default configuration never does; otherwise the path is
 * unknown (404). It is the one route not in application.yml, because a YAML route cannot be made conditional.
 */
@Configuration(proxyBeanMethods = false)
class DevTokenRoute {

    private static final Logger log = LoggerFactory.getLogger(DevTokenRoute.class);

    @Bean
    RouteLocator devTokenRouteLocator(RouteLocatorBuilder routes,
                                      @Value("${palestra.gateway.dev-issuer-url:}") String issuer) {
        if (!StringUtils.hasText(issuer)) {
            return Flux::empty;
        }
        log.warn("Development token route is on: POST /dev/token goes to {}; never enable it in production", issuer);
        return routes.routes()
                .route("dev-token-issuer", route -> route.path("/dev/token").and().method(HttpMethod.POST).uri(issuer))
                .build();
    }
}
