package io.palestra.billing;

import io.palestra.platform.organization.OrganizationCopy;
import io.palestra.platform.timing.Timing;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

@SpringBootApplication
@Import({OrganizationCopy.class, Timing.class})
public class BillingApplication {

    public static void main(String[] args) {
        SpringApplication.run(BillingApplication.class, args);
    }
}
