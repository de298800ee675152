package io.palestra.platform;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import static org.assertj.core.api.Assertions.assertThat;

/** Guards the wiring a service relies on, which a change of auto-configuration order could silently undo. */
class WiringIT extends KitIntegrationTest {

    @Autowired
    TransactionManager axonTransactions;
    @Autowired
    EventStorageEngine storage;
    @Autowired
    TokenStore tokens;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    Serializer serializer;

    @Test
    void axonRunsInSpringTransactionsOnJdbcWithJackson3() {
        assertThat(axonTransactions).isInstanceOf(SpringTransactionManager.class);
        assertThat(storage).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(tokens).isInstanceOf(JdbcTokenStore.class);
        assertThat(eventSerializer).isInstanceOf(Jackson3Serializer.class);
        assertThat(serializer).isInstanceOf(Jackson3Serializer.class);
    }
}
