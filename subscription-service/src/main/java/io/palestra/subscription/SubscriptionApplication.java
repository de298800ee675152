package io.palestra.subscription;

import io.palestra.platform.organization.OrganizationCopy;
import io.palestra.platform.timing.Timing;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

@SpringBootApplication
@Import({OrganizationCopy.class, Timing.class})
public class SubscriptionApplication {

    public static void main(String[] args) {
        SpringApplication.run(SubscriptionApplication.class, args);
    }
}
