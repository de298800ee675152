package io.palestra.billing.scholarship;

import io.palestra.billing.invoice.InvoiceLine;
import io.palestra.billing.invoice.InvoiceQueries.InvoiceView;
import io.palestra.billing.invoice.InvoiceQueries.PaymentView;
import io.palestra.billing.invoice.PaymentMethods;
import io.palestra.billing.invoice.Scholarships;
import io.palestra.billing.scholarship.ScholarshipDirectory.ScholarshipView;
import io.palestra.billing.scholarship.ScholarshipMessages.ReleaseScholarshipUse;
import io.palestra.billing.scholarship.ScholarshipMessages.UseScholarship;
import io.palestra.platform.axon.ReadYourWrites;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.money.Money;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * Financial aid paying invoices: it pays for the eligible lines of an invoice (their kind, and for aid granted to a
 * person, the lines bought for that person; for an account, anything billed to its holder), never more than they cost
 * less what aid paid already, nor more than is left to pay.
 */
@Component
class ScholarshipDesk implements Scholarships {

    private final ScholarshipDirectory scholarships;
    private final CommandGateway commands;
    private final ReadYourWrites readYourWrites;

    ScholarshipDesk(ScholarshipDirectory scholarships, CommandGateway commands, ReadYourWrites readYourWrites) {
        this.scholarships = scholarships;
        this.commands = commands;
        this.readYourWrites = readYourWrites;
    }

    @Override
    public void use(UUID organizationId, UUID scholarshipId, UUID paymentId, InvoiceView invoice, Money amount,
                    LocalDate today, String actor, Instant at) {
        ScholarshipView scholarship = scholarships.find(organizationId, scholarshipId)
                .orElseThrow(() -> NotFoundException.of("scholarship", scholarshipId));
        commands.sendAndWait(new UseScholarship(scholarshipId, paymentId, invoice.invoiceId(), amount,
                eligible(scholarship, invoice), today, actor, at));
        readYourWrites.await(ScholarshipDirectory.GROUP, scholarshipId.toString());
    }

    @Override
    public void release(UUID scholarshipId, UUID paymentId, String reason, String actor, Instant at) {
        commands.sendAndWait(new ReleaseScholarshipUse(scholarshipId, paymentId, reason, actor, at));
        readYourWrites.await(ScholarshipDirectory.GROUP, scholarshipId.toString());
    }

    /** What aid may still pay on {@code invoice}. */
    static Money eligible(ScholarshipView scholarship, InvoiceView invoice) {
        Money lines = invoice.lines().stream().filter(line -> kindPaidFor(scholarship, line))
                .filter(line -> "account".equals(scholarship.scope())
                        ? scholarship.granteeId().equals(invoice.memberId())
                        : scholarship.granteeId().equals(Objects.requireNonNullElse(line.beneficiaryId(),
                        Objects.requireNonNullElse(invoice.beneficiaryId(), invoice.memberId()))))
                .map(InvoiceLine::total).reduce(Money.zero(invoice.currency()), Money::plus);
        Money paidByAid = invoice.payments() == null ? Money.zero(invoice.currency()) : invoice.payments().stream()
                .filter(payment -> PaymentMethods.SCHOLARSHIP.equals(payment.method()) && payment.cancelledAt() == null)
                .map(PaymentView::applied).reduce(Money.zero(invoice.currency()), Money::plus);
        Money left = lines.minus(paidByAid);
        return left.min(invoice.balance()).signum() < 0 ? Money.zero(invoice.currency()) : left.min(invoice.balance());
    }

    private static boolean kindPaidFor(ScholarshipView scholarship, InvoiceLine line) {
        return scholarship.kinds().isEmpty() ? !"gift-card".equals(line.kind())
                : scholarship.kinds().contains(line.kind());
    }
}
