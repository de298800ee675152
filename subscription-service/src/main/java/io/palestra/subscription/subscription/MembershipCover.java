package io.palestra.subscription.subscription;

import io.palestra.subscription.credit.Memberships;
import io.palestra.subscription.credit.Seat;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/** Memberships in the credit protocol. (Being built: no membership pays yet.) */
@Component
class MembershipCover implements Memberships {

    @Override
    public Answer use(Seat seat, Instant now) {
        return Answer.none();
    }

    @Override
    public void giveBack(UUID subscriptionId, UUID bookingId, Instant now) {
    }
}
