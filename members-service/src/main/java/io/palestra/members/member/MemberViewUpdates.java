package io.palestra.members.member;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Changes a member's row for one event of its stream, once: a redelivered event finds the row already past its
 * version. Every change is an administrative change (the list can be sorted by it) and bumps the row's version (the
 * ETag).
 */
@Component
class MemberViewUpdates {

    private final JdbcClient jdbc;

    MemberViewUpdates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Applies {@code assignments} (may be empty) with their {@code values}; answers whether the event was new to the
     * row, so that a caller changing other tables too can skip a redelivery.
     */
    boolean change(UUID member, long version, Instant at, String assignments, Object... values) {
        List<Object> params = new ArrayList<>(Arrays.asList(values));
        params.addAll(List.of(version, at.atOffset(ZoneOffset.UTC), at.atOffset(ZoneOffset.UTC), member, version));
        return jdbc.sql("UPDATE member_view SET " + (assignments.isEmpty() ? "" : assignments + ", ")
                        + "version = ?, updated_at = ?, last_admin_change_at = ? WHERE member_id = ? AND version < ?")
                .params(params).update() > 0;
    }
}
