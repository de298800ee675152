package io.palestra.subscription.pass;

import io.palestra.subscription.pass.PassMessages.ReassignPass;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/** Follows members-service's merges: the duplicate's passes, ended ones included, are now the survivor's. */
@Component
public class PassHolders {

    private final JdbcClient jdbc;
    private final CommandGateway commands;

    PassHolders(JdbcClient jdbc, CommandGateway commands) {
        this.jdbc = jdbc;
        this.commands = commands;
    }

    public void merged(UUID organizationId, UUID duplicateId, UUID survivorId, Instant at) {
        jdbc.sql("SELECT pass_id FROM pass_cover WHERE organization_id = ? AND member_id = ?")
                .params(organizationId, duplicateId).query(UUID.class).list()
                .forEach(pass -> commands.sendAndWait(new ReassignPass(pass, survivorId, at)));
    }
}
