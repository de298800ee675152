package io.palestra.subscription.catalog;

import io.palestra.platform.axon.VersionedRows;
import io.palestra.subscription.catalog.PlanMessages.PlanDefined;
import io.palestra.subscription.catalog.PlanMessages.PlanPriceChanged;
import io.palestra.subscription.catalog.PlanMessages.PlanPublished;
import io.palestra.subscription.catalog.PlanMessages.PlanRetired;
import io.palestra.subscription.catalog.PlanMessages.PlanRevised;
import io.palestra.subscription.catalog.PlanQueries.FindPlan;
import io.palestra.subscription.catalog.PlanQueries.ListPlans;
import io.palestra.subscription.catalog.PlanQueries.PlanList;
import io.palestra.subscription.catalog.PlanQueries.PlanView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The catalog as staff and integrations read it. Rebuildable: a reset empties it for a replay. */
@Component
@ProcessingGroup(PlanDirectory.GROUP)
class PlanDirectory implements Catalog {

    static final String GROUP = "plan-directory";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS =
            "plan_id, organization_id, kind, status, terms::text AS terms, created_at, published_at, retired_at, version";

    private final JdbcClient jdbc;
    private final VersionedRows rows;

    PlanDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.rows = new VersionedRows(jdbc, "plan_view", "plan_id");
    }

    @EventHandler
    void on(PlanDefined event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO plan_view (plan_id, organization_id, kind, status, name, terms, created_at, version)
                        VALUES (?, ?, ?, 'draft', ?, ?::jsonb, ?, ?) ON CONFLICT (plan_id) DO NOTHING""")
                .params(event.planId(), event.organizationId(), event.kind().value(), event.terms().name(),
                        JSON.writeValueAsString(event.terms()), at.atOffset(ZoneOffset.UTC), version)
                .update();
    }

    @EventHandler
    void on(PlanRevised event, @SequenceNumber long version) {
        rows.change(event.planId(), version, "name = ?, terms = ?::jsonb", event.terms().name(),
                JSON.writeValueAsString(event.terms()));
    }

    @EventHandler
    void on(PlanPublished event, @SequenceNumber long version) {
        rows.change(event.planId(), version, "status = 'published', published_at = ?, terms = ?::jsonb",
                event.at().atOffset(ZoneOffset.UTC), JSON.writeValueAsString(event.terms()));
    }

    @EventHandler
    void on(PlanPriceChanged event, @SequenceNumber long version) {
        rows.change(event.planId(), version, "terms = terms || jsonb_build_object('price', ?::jsonb, 'categoryPrices', "
                + "?::jsonb)", JSON.writeValueAsString(event.price()), JSON.writeValueAsString(event.categoryPrices()));
    }

    @EventHandler
    void on(PlanRetired event, @SequenceNumber long version) {
        rows.change(event.planId(), version, "status = 'retired', retired_at = ?", event.at().atOffset(ZoneOffset.UTC));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE plan_view").update();
    }

    @QueryHandler
    Optional<PlanView> find(FindPlan query) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM plan_view WHERE organization_id = ? AND plan_id = ?")
                .params(query.organizationId(), query.planId()).query((row, number) -> view(row)).optional();
    }

    @Override
    public Optional<Offer> offer(UUID organizationId, UUID planId) {
        return find(new FindPlan(organizationId, planId))
                .map(plan -> new Offer(plan.id(), plan.organizationId(), plan.kind(), plan.status(), plan.terms()));
    }

    @QueryHandler
    PlanList list(ListPlans query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM plan_view WHERE organization_id = ?");
        List<Object> params = new ArrayList<>(List.of(query.organizationId()));
        if (query.kind() != null) {
            sql.append(" AND kind = ?");
            params.add(query.kind().value());
        }
        if (query.status() != null) {
            sql.append(" AND status = ?");
            params.add(query.status());
        }
        if (query.siteId() != null) {
            sql.append(" AND (terms -> 'siteIds' = '[]'::jsonb OR jsonb_exists(terms -> 'siteIds', ?))");
            params.add(query.siteId().toString());
        }
        sql.append(" ORDER BY lower(name), plan_id LIMIT 1000");
        return new PlanList(jdbc.sql(sql.toString()).params(params).query((row, number) -> view(row)).list());
    }

    private static PlanView view(ResultSet row) throws SQLException {
        return new PlanView(row.getObject("plan_id", UUID.class), row.getObject("organization_id", UUID.class),
                PlanKind.of(row.getString("kind")), row.getString("status"),
                JSON.readValue(row.getString("terms"), PlanTerms.class), instant(row, "created_at"),
                instant(row, "published_at"), instant(row, "retired_at"), row.getLong("version"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
