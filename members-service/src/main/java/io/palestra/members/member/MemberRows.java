package io.palestra.members.member;

import io.palestra.members.member.MemberQueries.BlacklistPeriodView;
import io.palestra.members.member.MemberQueries.ConsentView;
import io.palestra.members.member.MemberQueries.FrontDesk;
import io.palestra.members.member.MemberQueries.HouseholdView;
import io.palestra.members.member.MemberQueries.MedicalCertificate;
import io.palestra.members.member.MemberQueries.MemberView;
import io.palestra.members.member.MemberQueries.PhotoRef;
import io.palestra.members.member.MemberQueries.RelationView;
import io.palestra.members.member.MemberQueries.TagRef;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** Reads {@code member_view} rows (joined with the site's time zone) into views, and writes its JSON columns. */
final class MemberRows {

    static final String COLUMNS = """
            m.member_id, m.organization_id, m.site_id, m.member_code, m.first_name, m.last_name, m.email, m.phone,
            m.birth_date, m.gender, m.country, m.language, m.photo_id, m.addresses::text AS addresses,
            m.emergency_contacts::text AS emergency_contacts, m.welcome_message, m.alert,
            m.medical_certificate_valid_until, m.registered_at, m.updated_at, m.last_admin_change_at, m.version,
            m.status, m.merged_into, m.sort_key, coalesce(s.time_zone, 'UTC') AS time_zone,
            (SELECT coalesce(jsonb_agg(jsonb_build_object('id', b.period_id, 'from', b.from_date,
                                                          'until', b.until_date, 'reason', b.reason,
                                                          'createdBy', b.created_by, 'createdAt', b.created_at)
                                       ORDER BY b.from_date, b.period_id), '[]')
             FROM member_blacklist_period b WHERE b.member_id = m.member_id)::text AS blacklist,
            (SELECT coalesce(jsonb_agg(jsonb_build_object('id', t.tag_id, 'name', t.name, 'categoryId', p.tag_id,
                                                          'categoryName', p.name)
                                       ORDER BY lower(coalesce(p.name, t.name)), p.name NULLS FIRST, lower(t.name)),
                             '[]')
             FROM member_tag mt JOIN tag_view t ON t.tag_id = mt.tag_id LEFT JOIN tag_view p ON p.tag_id = t.parent_id
             WHERE mt.member_id = m.member_id)::text AS tags,
            (SELECT coalesce(jsonb_agg(jsonb_build_object('channel', c.channel, 'preferenceId', c.preference_id,
                                                          'preferenceName', mp.name, 'granted', c.granted,
                                                          'source', c.source, 'decidedAt', c.decided_at)
                                       ORDER BY c.topic), '[]')
             FROM member_consent c LEFT JOIN marketing_preference_view mp ON mp.preference_id = c.preference_id
             WHERE c.member_id = m.member_id AND mp.retired_at IS NULL)::text AS consents,
            (SELECT coalesce(jsonb_agg(jsonb_build_object('id', r.relation_id, 'kind', r.kind,
                                                          'memberId', o.member_id, 'firstName', o.first_name,
                                                          'lastName', o.last_name, 'memberCode', o.member_code)
                                       ORDER BY o.sort_key, o.member_id), '[]')
             FROM (SELECT relation_id, other_id AS member_id, kind FROM member_relation WHERE owner_id = m.member_id
                   UNION ALL
                   SELECT relation_id, owner_id, counterpart FROM member_relation WHERE other_id = m.member_id) r
             JOIN member_view o ON o.member_id = r.member_id)::text AS relations,
            (SELECT jsonb_build_object('id', h.household_id, 'holderId', h.holder_id, 'members',
                        (SELECT jsonb_agg(jsonb_build_object('id', p.member_id, 'firstName', p.first_name,
                                                             'lastName', p.last_name, 'memberCode', p.member_code,
                                                             'holder', p.member_id = h.holder_id)
                                          ORDER BY p.member_id <> h.holder_id, p.sort_key, p.member_id)
                         FROM household_member_view hp JOIN member_view p ON p.member_id = hp.member_id
                         WHERE hp.household_id = h.household_id))
             FROM household_member_view hm JOIN household_view h ON h.household_id = hm.household_id
             WHERE hm.member_id = m.member_id)::text AS household""";
    static final String FROM = " FROM member_view m LEFT JOIN site_view s ON s.site_id = m.site_id";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<MemberAddress>> ADDRESSES = new TypeReference<>() {
    };
    private static final TypeReference<List<EmergencyContact>> CONTACTS = new TypeReference<>() {
    };
    private static final TypeReference<List<BlacklistPeriodView>> BLACKLIST = new TypeReference<>() {
    };
    private static final TypeReference<List<TagRef>> TAGS = new TypeReference<>() {
    };
    private static final TypeReference<List<ConsentView>> CONSENTS = new TypeReference<>() {
    };
    private static final TypeReference<List<RelationView>> RELATIONS = new TypeReference<>() {
    };

    private MemberRows() {
    }

    static MemberView view(ResultSet row, Clock clock) throws SQLException {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(row.getString("time_zone"))));
        LocalDate birthDate = row.getObject("birth_date", LocalDate.class);
        String alert = row.getString("alert");
        List<BlacklistPeriodView> blacklist = JSON.readValue(row.getString("blacklist"), BLACKLIST);
        return new MemberView(row.getObject("member_id", UUID.class), row.getObject("organization_id", UUID.class),
                row.getObject("site_id", UUID.class), row.getString("member_code"), row.getString("first_name"),
                row.getString("last_name"), row.getString("email"), row.getString("phone"), birthDate,
                birthDate == null ? null : Period.between(birthDate, today).getYears(),
                Gender.of(row.getString("gender")), row.getString("country"), row.getString("language"),
                photo(row.getObject("member_id", UUID.class), row.getObject("photo_id", UUID.class)),
                JSON.readValue(row.getString("addresses"), ADDRESSES),
                JSON.readValue(row.getString("emergency_contacts"), CONTACTS),
                new FrontDesk(row.getString("welcome_message"), alert),
                MedicalCertificate.of(row.getObject("medical_certificate_valid_until", LocalDate.class), today),
                blacklist.stream().anyMatch(period -> period.covers(today)), blacklist,
                JSON.readValue(row.getString("tags"), TAGS), JSON.readValue(row.getString("consents"), CONSENTS),
                JSON.readValue(row.getString("relations"), RELATIONS),
                row.getString("household") == null ? null
                        : JSON.readValue(row.getString("household"), HouseholdView.class),
                row.getObject("registered_at", OffsetDateTime.class).toInstant(),
                row.getObject("updated_at", OffsetDateTime.class).toInstant(),
                row.getObject("last_admin_change_at", OffsetDateTime.class).toInstant(), row.getString("status"),
                row.getObject("merged_into", UUID.class), row.getLong("version"));
    }

    private static PhotoRef photo(UUID member, UUID photo) {
        return photo == null ? null : new PhotoRef(photo, "/api/v1/members/" + member + "/photo");
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value == null ? List.of() : value);
    }
}
