package io.palestra.billing.invoice;

import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static io.palestra.billing.BillingRoles.MANAGERS;
import static io.palestra.billing.BillingRoles.READERS;

/** The organisation's dunning plan: when failed automatic collections are tried again. */
@RestController
@RequestMapping("/api/v1/payments/dunning-plan")
@Tag(name = "Payments")
class DunningPlanController {

    private final DunningPlans plans;

    DunningPlanController(DunningPlans plans) {
        this.plans = plans;
    }

    /** @param retryDays days after the due date each retry is made, increasing, e.g. [3, 7]; empty: never retry */
    record DunningPlan(@NotNull List<Integer> retryDays) {
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "When a failed direct debit or card payment is tried again (3 and 7 days after the due date "
            + "unless the organisation set otherwise)")
    DunningPlan get(Caller caller) {
        return new DunningPlan(plans.retryDays(caller.organization()));
    }

    @PutMapping
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Set the dunning plan: at most 10 retries, each 1 to 90 days after the due date, increasing",
            description = "Applies to the next failed attempt; after the last retry the invoice stays overdue and is "
                    + "listed for staff (status=overdue).")
    DunningPlan set(@Valid @RequestBody DunningPlan plan, Caller caller) {
        List<Integer> days = plan.retryDays();
        int previous = 0;
        boolean increasing = true;
        for (Integer day : days) {
            if (day == null || day <= previous || day > 90) {
                increasing = false;
                break;
            }
            previous = day;
        }
        if (days.size() > 10 || !increasing) {
            throw InvalidInputException.of("retryDays", "at most 10 days, each 1 to 90, increasing, e.g. [3, 7]");
        }
        plans.set(caller.organization(), List.copyOf(days));
        return new DunningPlan(plans.retryDays(caller.organization()));
    }
}
