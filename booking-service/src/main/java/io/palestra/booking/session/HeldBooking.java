package io.palestra.booking.session;

import io.palestra.platform.errors.RuleViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.UUID;

/**
 * A booking that held a seat or a slot while subscription-service decided what pays: a class booking or a slot
 * booking, answered the same way.
 */
public interface HeldBooking {

    UUID bookingId();

    /** {@code pending} while what pays is being decided; then booked, waitlisted, refused… */
    String status();

    /** Why it was refused or cancelled. */
    String reason();

    default boolean decided() {
        return !"pending".equals(status());
    }

    /**
     * The answer to a booking request: 201 once booked (or waitlisted), 202 with its {@code Location} while still
     * pending, a 422 {@code booking-refused} problem when nothing paid for it.
     */
    static <T extends HeldBooking> ResponseEntity<T> answer(T booking, String location) {
        if ("refused".equals(booking.status())) {
            throw new RuleViolationException("booking-refused", "Booking " + booking.bookingId() + " was refused: "
                    + booking.reason() + ".");
        }
        return ResponseEntity.status(booking.decided() ? HttpStatus.CREATED : HttpStatus.ACCEPTED)
                .location(URI.create(location)).body(booking);
    }
}
