package io.palestra.members;

import io.palestra.test.RunningServiceContract;

/** members-service keeps the promises of every Palestra service, on a real PostgreSQL and Kafka. */
class MembersServiceIT extends RunningServiceContract {
}
