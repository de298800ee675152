package io.palestra.billing.invoice;

import io.palestra.billing.invoice.PaymentMethods.CustomMethod;
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

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.palestra.billing.BillingRoles.MANAGERS;
import static io.palestra.billing.BillingRoles.READERS;

/** The payment methods the organisation takes, and the ones it adds (autres types de paiement). */
@RestController
@RequestMapping("/api/v1/payments/methods")
@Tag(name = "Payments")
class PaymentMethodController {

    private final PaymentMethods methods;

    PaymentMethodController(PaymentMethods methods) {
        this.methods = methods;
    }

    record Methods(List<String> builtIn, List<CustomMethod> custom) {
    }

    record CustomRequest(@NotNull List<CustomMethod> custom) {
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "The payment methods this organisation takes: built in, and its own")
    Methods get(Caller caller) {
        return new Methods(PaymentMethods.BUILT_IN, methods.custom(caller.organization()));
    }

    @PutMapping
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Set the organisation's own payment methods, e.g. {\"code\": \"ancv\", \"label\": "
            + "\"Chèques-Vacances ANCV\"}", description = "At most 20; a code is 2 to 40 lower-case letters, digits "
            + "and dashes, not a built-in one. Payments already made by a method taken off keep it.")
    Methods set(@Valid @RequestBody CustomRequest request, Caller caller) {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < request.custom().size(); i++) {
            CustomMethod method = request.custom().get(i);
            String field = "custom[" + i + "]";
            if (method == null || method.code() == null || !Invoice.isMethod(method.code())) {
                throw InvalidInputException.of(field + ".code", "is 2 to 40 lower-case letters, digits and dashes");
            }
            if (PaymentMethods.BUILT_IN.contains(method.code()) || !codes.add(method.code())) {
                throw InvalidInputException.of(field + ".code", "is built in or given twice: " + method.code());
            }
            if (method.label() == null || method.label().isBlank() || method.label().length() > 100) {
                throw InvalidInputException.of(field + ".label", "is 1 to 100 characters");
            }
        }
        if (request.custom().size() > PaymentMethods.MAX_CUSTOM) {
            throw InvalidInputException.of("custom", "holds at most " + PaymentMethods.MAX_CUSTOM + " methods");
        }
        methods.setCustom(caller.organization(), List.copyOf(request.custom()));
        return get(caller);
    }
}
