package io.palestra.platform.personal;

import io.palestra.platform.config.ClockAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Gives every service its part of the members' personal data export, made of the service's
 * {@link PersonalDataContributor}s (in their {@code @Order}); none is an empty part.
 */
@AutoConfiguration(after = ClockAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class PersonalDataExportAutoConfiguration {

    @Bean
    PersonalDataExportController personalDataExportController(@Value("${spring.application.name}") String service,
                                                              ObjectProvider<PersonalDataContributor> contributors,
                                                              Clock clock) {
        List<PersonalDataContributor> ordered = contributors.orderedStream().toList();
        Set<String> sections = new HashSet<>();
        for (PersonalDataContributor contributor : ordered) {
            if (!sections.add(contributor.section())) {
                throw new IllegalStateException("Two personal data contributors name the section '"
                        + contributor.section() + "'; each needs a name of its own");
            }
        }
        return new PersonalDataExportController(service, ordered, clock);
    }
}
