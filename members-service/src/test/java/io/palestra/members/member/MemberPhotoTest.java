package io.palestra.members.member;

import io.palestra.members.member.MemberMessages.MemberRegistered;
import io.palestra.members.member.PhotoMessages.ChangePhoto;
import io.palestra.members.member.PhotoMessages.MemberPhotoChanged;
import io.palestra.members.member.PhotoMessages.MemberPhotoRemoved;
import io.palestra.members.member.PhotoMessages.RemovePhoto;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

/** The record names its current photo; naming the same one again, or removing none, records nothing. */
class MemberPhotoTest {

    private static final UUID MEMBER = UUID.randomUUID();
    private static final UUID ORGANIZATION = UUID.randomUUID();
    private static final UUID PHOTO = UUID.randomUUID();

    private final AggregateTestFixture<Member> fixture = new AggregateTestFixture<>(Member.class);

    @Test
    void aNewPhotoReplacesTheCurrentOne() {
        UUID next = UUID.randomUUID();

        fixture.given(registered(), new MemberPhotoChanged(MEMBER, ORGANIZATION, PHOTO))
                .when(new ChangePhoto(MEMBER, next))
                .expectEvents(new MemberPhotoChanged(MEMBER, ORGANIZATION, next));
    }

    @Test
    void theSamePhotoAgainRecordsNothing() {
        fixture.given(registered(), new MemberPhotoChanged(MEMBER, ORGANIZATION, PHOTO))
                .when(new ChangePhoto(MEMBER, PHOTO))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void removingNamesThePhotoRemovedAndRemovingNoneRecordsNothing() {
        fixture.given(registered(), new MemberPhotoChanged(MEMBER, ORGANIZATION, PHOTO))
                .when(new RemovePhoto(MEMBER))
                .expectEvents(new MemberPhotoRemoved(MEMBER, ORGANIZATION, PHOTO));
        fixture.given(registered())
                .when(new RemovePhoto(MEMBER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private static MemberRegistered registered() {
        return new MemberRegistered(MEMBER, ORGANIZATION, UUID.randomUUID(), "000042", "Hélène", "Lefèvre", null, null,
                null, Gender.FEMALE, "FR", Instant.parse("2026-11-24T09:00:00Z"));
    }
}
