package io.palestra.members.member;

import io.palestra.members.member.ErasureMessages.MemberAnonymized;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Scrubs an anonymized member from the read models: personal columns emptied, notes deleted, blacklist reasons dropped, only the business facts
 * left (id, code, site, dates, gender, country); the same for the records merged into it. A replay reaches the same
 * state: the sealed fields read back empty.
 */
@Component
@ProcessingGroup(MemberDirectory.GROUP)
class MemberErasureProjection {

    private final JdbcClient jdbc;

    MemberErasureProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MemberAnonymized event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE member_view SET status = 'anonymized', first_name = NULL, last_name = NULL, email = NULL,
                               phone = NULL, birth_date = NULL, language = NULL, addresses = '[]',
                               emergency_contacts = '[]', welcome_message = NULL, alert = NULL,
                               medical_certificate_valid_until = NULL, photo_id = NULL, search_text = ' ' || member_code,
                               sort_key = '', version = ?, updated_at = ?, last_admin_change_at = ?
                        WHERE member_id = ? AND version < ?""")
                .params(version, at.atOffset(ZoneOffset.UTC), at.atOffset(ZoneOffset.UTC), event.memberId(), version)
                .update();
        // records merged into this one were the same person, and their keys are destroyed with this one's
        jdbc.sql("""
                        WITH RECURSIVE absorbed AS (
                            SELECT member_id FROM member_view WHERE merged_into = ?
                            UNION SELECT v.member_id FROM member_view v JOIN absorbed a ON v.merged_into = a.member_id)
                        UPDATE member_view SET first_name = NULL, last_name = NULL, email = NULL, phone = NULL,
                               birth_date = NULL, language = NULL, addresses = '[]', emergency_contacts = '[]',
                               welcome_message = NULL, alert = NULL, medical_certificate_valid_until = NULL,
                               photo_id = NULL, search_text = ' ' || member_code, sort_key = ''
                        WHERE member_id IN (SELECT member_id FROM absorbed)""")
                .param(event.memberId()).update();
        jdbc.sql("DELETE FROM member_note WHERE member_id = ?").param(event.memberId()).update();
        jdbc.sql("UPDATE member_blacklist_period SET reason = NULL WHERE member_id = ?").param(event.memberId())
                .update();
    }
}
