package io.palestra.members.member;

import java.util.UUID;

/**
 * Hands out member codes, unique within an organisation. A set-based rule, so it lives in a table written in the
 * same transaction as the registration, never in a projection that may lag.
 */
public interface MemberCodes {

    /** The next code of the organisation, reserved for {@code memberId}. */
    String allocate(UUID organizationId, UUID memberId);
}
