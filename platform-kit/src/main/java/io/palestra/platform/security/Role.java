package io.palestra.platform.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a caller may do, from the {@code roles} claim of its token. Each role becomes the Spring authority
 * {@code ROLE_<NAME>}, so controllers say {@code @PreAuthorize("hasAnyRole('MANAGER', 'FRONT_DESK')")}.
 */
public enum Role {
    /** Operates the platform itself: creates organisations; belongs to no organisation. */
    PLATFORM_ADMIN("platform-admin"),
    /** Owns the chain: everything within the organisation. */
    OWNER("owner"),
    /** Runs a club or the chain day to day. */
    MANAGER("manager"),
    /** Welcomes members, registers them, checks them in, sells. */
    FRONT_DESK("front-desk"),
    /** Teaches classes: sees rosters, marks attendance. */
    COACH("coach"),
    /** A machine client of the chain (website, app, accounting). */
    INTEGRATION("integration"),
    /** Reads figures; no personal data beyond what reports need. */
    ANALYST("analyst");

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    /** The value in the token's {@code roles} claim, e.g. {@code front-desk}. */
    public String claimValue() {
        return claimValue;
    }

    /** The Spring Security authority, e.g. {@code ROLE_FRONT_DESK}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> fromClaim(String value) {
        return Arrays.stream(values()).filter(role -> role.claimValue.equals(value)).findFirst();
    }
}
