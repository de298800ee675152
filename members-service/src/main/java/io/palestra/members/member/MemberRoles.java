package io.palestra.members.member;

/**
 * Who may do what with member records, as {@code @PreAuthorize} expressions: the one place the roles table of
 * docs/security.md is kept for members-service.
 */
public final class MemberRoles {

    /** Read records and lists: every staff role and integrations (a coach sees a reduced record). */
    public static final String READERS = "hasAnyRole('OWNER', 'MANAGER', 'FRONT_DESK', 'COACH', 'INTEGRATION')";
    /** Register members and change their record. */
    public static final String EDITORS = "hasAnyRole('OWNER', 'MANAGER', 'FRONT_DESK', 'INTEGRATION')";
    /** What only people at the desk and above do: notes, blacklist periods, history, duplicate suggestions. */
    public static final String DESK = "hasAnyRole('OWNER', 'MANAGER', 'FRONT_DESK')";
    /** Managers' decisions: transfer, merge, erasure, imports and exports. */
    public static final String MANAGERS = "hasAnyRole('OWNER', 'MANAGER')";

    private MemberRoles() {
    }
}
