package io.palestra.members.member;

import io.palestra.members.member.ErasureMessages.MemberAnonymized;
import io.palestra.members.member.MemberMessages.MemberRegistered;
import io.palestra.members.member.RelationMessages.EndRelation;
import io.palestra.members.member.RelationMessages.MembersRelated;
import io.palestra.members.member.RelationMessages.RelateMember;
import io.palestra.members.member.RelationMessages.RelationEnded;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.errors.RuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MemberRelationsTest {

    private static final UUID MEMBER = UUID.randomUUID();
    private static final UUID ORGANIZATION = UUID.randomUUID();
    private static final UUID CHILD = UUID.randomUUID();
    private static final UUID RELATION = UUID.randomUUID();

    private AggregateTestFixture<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
    }

    @Test
    void relatesTwoMembers() {
        fixture.given(registered())
                .when(new RelateMember(MEMBER, RELATION, CHILD, RelationKind.CHILD))
                .expectEvents(new MembersRelated(MEMBER, ORGANIZATION, RELATION, CHILD, RelationKind.CHILD));
    }

    @Test
    void theSameRelationTwiceIsRefusedButAnotherKindIsNot() {
        fixture.given(registered(), related())
                .when(new RelateMember(MEMBER, UUID.randomUUID(), CHILD, RelationKind.CHILD))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
        UUID sponsorship = UUID.randomUUID();
        fixture.given(registered(), related())
                .when(new RelateMember(MEMBER, sponsorship, CHILD, RelationKind.REFEREE))
                .expectEvents(new MembersRelated(MEMBER, ORGANIZATION, sponsorship, CHILD, RelationKind.REFEREE));
        fixture.given(registered(), related())
                .when(new RelateMember(MEMBER, RELATION, CHILD, RelationKind.CHILD))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aMemberIsNotRelatedToThemselves() {
        fixture.given(registered())
                .when(new RelateMember(MEMBER, RELATION, MEMBER, RelationKind.FAMILY))
                .expectException(RuleViolationException.class);
    }

    @Test
    void aMemberHasABoundedNumberOfRelations() {
        List<Object> history = new ArrayList<>(List.of(registered()));
        for (int index = 0; index < Relations.MAX_RELATIONS; index++) {
            history.add(new MembersRelated(MEMBER, ORGANIZATION, UUID.randomUUID(), UUID.randomUUID(),
                    RelationKind.FAMILY));
        }
        fixture.given(history)
                .when(new RelateMember(MEMBER, RELATION, CHILD, RelationKind.CHILD))
                .expectException(RuleViolationException.class);
    }

    @Test
    void endsARelationOnce() {
        fixture.given(registered(), related())
                .when(new EndRelation(MEMBER, RELATION))
                .expectEvents(new RelationEnded(MEMBER, ORGANIZATION, RELATION, CHILD));
        fixture.given(registered(), related(), new RelationEnded(MEMBER, ORGANIZATION, RELATION, CHILD))
                .when(new EndRelation(MEMBER, RELATION))
                .expectException(NotFoundException.class);
    }

    @Test
    void anErasedMemberRelatesToNoOneButItsRelationsCanEnd() {
        fixture.given(registered(), new MemberAnonymized(MEMBER, ORGANIZATION, "manager"))
                .when(new RelateMember(MEMBER, RELATION, CHILD, RelationKind.CHILD))
                .expectException(RuleViolationException.class);
        fixture.given(registered(), related(), new MemberAnonymized(MEMBER, ORGANIZATION, "manager"))
                .when(new EndRelation(MEMBER, RELATION))
                .expectEvents(new RelationEnded(MEMBER, ORGANIZATION, RELATION, CHILD));
    }

    @Test
    void eachKindHasItsCounterpart() {
        assertThat(RelationKind.CHILD.counterpart()).isEqualTo(RelationKind.PARENT);
        assertThat(RelationKind.PARENT.counterpart()).isEqualTo(RelationKind.CHILD);
        assertThat(RelationKind.SPONSOR.counterpart()).isEqualTo(RelationKind.REFEREE);
        assertThat(RelationKind.REFEREE.counterpart()).isEqualTo(RelationKind.SPONSOR);
        assertThat(RelationKind.FAMILY.counterpart()).isEqualTo(RelationKind.FAMILY);
        assertThat(RelationKind.PARTNER.counterpart()).isEqualTo(RelationKind.PARTNER);
    }

    private static MemberRegistered registered() {
        return new MemberRegistered(MEMBER, ORGANIZATION, UUID.randomUUID(), "000001", "Hélène", "Lefèvre",
                "helene@example.org", "+33612345678", LocalDate.of(1991, 4, 17), Gender.FEMALE, "FR",
                Instant.parse("2026-01-05T10:00:00Z"));
    }

    private static MembersRelated related() {
        return new MembersRelated(MEMBER, ORGANIZATION, RELATION, CHILD, RelationKind.CHILD);
    }
}
