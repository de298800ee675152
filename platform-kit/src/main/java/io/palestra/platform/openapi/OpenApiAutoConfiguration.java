package io.palestra.platform.openapi;

import io.palestra.platform.security.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Every service documents its API with a bearer-token security scheme; the gateway aggregates them. */
@AutoConfiguration
public class OpenApiAutoConfiguration {

    static {
        // the caller is resolved from the token, not a request parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI palestraOpenApi(@Value("${spring.application.name}") String name,
                            @Value("${palestra.api.description:}") String description) {
        return new OpenAPI()
                .info(new Info().title("Palestra " + name).version("v1").description(description)
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("A token from the organisation's identity provider (locally: POST /dev/token)")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
