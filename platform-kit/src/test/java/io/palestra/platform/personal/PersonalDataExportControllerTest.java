package io.palestra.platform.personal;

import io.palestra.platform.config.ClockAutoConfiguration;
import io.palestra.platform.security.Caller;
import io.palestra.platform.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataExportControllerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Caller MANAGER = new Caller("alice", Optional.of(UUID.randomUUID()), Optional.empty(),
            Set.of(Role.MANAGER));

    @Test
    void aServiceWithoutContributorsHoldsNothingAboutMembers() {
        UUID member = UUID.randomUUID();
        PersonalDataExportController controller = new PersonalDataExportController("booking-service", List.of(),
                Clock.fixed(NOW, ZoneOffset.UTC));

        PersonalDataExport export = controller.export(member, MANAGER);

        assertThat(export).isEqualTo(new PersonalDataExport("booking-service", member, NOW, Map.of()));
    }

    @Test
    void refusesToStartWithTwoContributorsOfTheSameSection() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ClockAutoConfiguration.class,
                        PersonalDataExportAutoConfiguration.class))
                .withPropertyValues("spring.application.name=booking-service")
                .withBean("bookings", PersonalDataContributor.class, () -> contributor("bookings"))
                .withBean("moreBookings", PersonalDataContributor.class, () -> contributor("bookings"))
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("Two personal data contributors name the section 'bookings'"));
    }

    private static PersonalDataContributor contributor(String section) {
        return new PersonalDataContributor() {
            @Override
            public String section() {
                return section;
            }

            @Override
            public Object export(Caller caller, UUID memberId) {
                return List.of();
            }
        };
    }
}
