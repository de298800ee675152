package io.palestra.platform.testapp;

import io.palestra.platform.testapp.Clubs.ClubOpened;
import io.palestra.platform.testapp.Clubs.ClubRenamed;
import io.palestra.platform.testapp.Clubs.ClubView;
import io.palestra.platform.testapp.Clubs.FindClub;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

@Component
@ProcessingGroup(ClubDirectory.GROUP)
class ClubDirectory {

    static final String GROUP = "club-directory";

    private final JdbcClient jdbc;

    ClubDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ClubOpened event, @SequenceNumber long version) {
        jdbc.sql("INSERT INTO club_view (club_id, organization_id, name, version) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (club_id) DO NOTHING")
                .params(event.clubId(), event.organizationId(), event.name(), version).update();
    }

    @EventHandler
    void on(ClubRenamed event, @SequenceNumber long version) {
        jdbc.sql("UPDATE club_view SET name = ?, version = ? WHERE club_id = ? AND version < ?")
                .params(event.name(), version, event.clubId(), version).update();
    }

    @QueryHandler
    Optional<ClubView> find(FindClub query) {
        return jdbc.sql("SELECT club_id, organization_id, name, version FROM club_view "
                        + "WHERE club_id = ? AND organization_id = ?")
                .params(query.clubId(), query.organizationId())
                .query(ClubView.class).optional();
    }
}
