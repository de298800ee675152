package io.palestra.members.household;

import io.palestra.members.household.HouseholdMessages.AddHouseholdMember;
import io.palestra.members.household.HouseholdMessages.ChangeHouseholdHolder;
import io.palestra.members.household.HouseholdMessages.CreateHousehold;
import io.palestra.members.household.HouseholdMessages.DissolveHousehold;
import io.palestra.members.household.HouseholdMessages.DropErasedMember;
import io.palestra.members.household.HouseholdMessages.HouseholdCreated;
import io.palestra.members.household.HouseholdMessages.HouseholdDissolved;
import io.palestra.members.household.HouseholdMessages.HouseholdHolderChanged;
import io.palestra.members.household.HouseholdMessages.MemberJoinedHousehold;
import io.palestra.members.household.HouseholdMessages.MemberLeftHousehold;
import io.palestra.members.household.HouseholdMessages.RemoveHouseholdMember;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.errors.RuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class HouseholdTest {

    private static final UUID HOUSEHOLD = UUID.randomUUID();
    private static final UUID ORGANIZATION = UUID.randomUUID();
    private static final UUID PARENT = UUID.randomUUID();
    private static final UUID CHILD = UUID.randomUUID();

    private AggregateTestFixture<Household> fixture;
    private final Map<UUID, UUID> memberships = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Household.class);
        fixture.registerInjectableResource(new HouseholdMemberships() {
            @Override
            public void claim(UUID member, UUID household) {
                UUID current = memberships.putIfAbsent(member, household);
                if (current != null && !current.equals(household)) {
                    throw new RuleViolationException("already-in-household", "taken");
                }
            }

            @Override
            public void release(UUID member, UUID household) {
                memberships.remove(member, household);
            }

            @Override
            public Optional<UUID> householdOf(UUID member) {
                return Optional.ofNullable(memberships.get(member));
            }
        });
    }

    @Test
    void opensAHouseholdHeldByAMember() {
        fixture.givenNoPriorActivity()
                .when(new CreateHousehold(HOUSEHOLD, ORGANIZATION, PARENT))
                .expectEvents(new HouseholdCreated(HOUSEHOLD, ORGANIZATION, PARENT));
        assertThat(memberships).containsEntry(PARENT, HOUSEHOLD);
    }

    @Test
    void aMemberBelongsToOneHouseholdAtMost() {
        memberships.put(CHILD, UUID.randomUUID());
        fixture.given(created())
                .when(new AddHouseholdMember(HOUSEHOLD, CHILD))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void linksAndUnlinksPeople() {
        fixture.given(created())
                .when(new AddHouseholdMember(HOUSEHOLD, CHILD))
                .expectEvents(new MemberJoinedHousehold(HOUSEHOLD, ORGANIZATION, CHILD));
        assertThat(memberships).containsEntry(CHILD, HOUSEHOLD);
        fixture.given(created(), joined())
                .when(new RemoveHouseholdMember(HOUSEHOLD, CHILD))
                .expectEvents(new MemberLeftHousehold(HOUSEHOLD, ORGANIZATION, CHILD));
        assertThat(memberships).doesNotContainKey(CHILD);
    }

    @Test
    void theHolderLeavesOnlyByHandingOver() {
        fixture.given(created(), joined())
                .when(new RemoveHouseholdMember(HOUSEHOLD, PARENT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("The holder leaves the household only once another member holds it, or by "
                        + "dissolving it.");
        fixture.given(created(), joined())
                .when(new ChangeHouseholdHolder(HOUSEHOLD, CHILD))
                .expectEvents(new HouseholdHolderChanged(HOUSEHOLD, ORGANIZATION, PARENT, CHILD));
        fixture.given(created(), joined(), new HouseholdHolderChanged(HOUSEHOLD, ORGANIZATION, PARENT, CHILD))
                .when(new RemoveHouseholdMember(HOUSEHOLD, PARENT))
                .expectEvents(new MemberLeftHousehold(HOUSEHOLD, ORGANIZATION, PARENT));
    }

    @Test
    void theHolderIsOneOfTheHousehold() {
        fixture.given(created())
                .when(new ChangeHouseholdHolder(HOUSEHOLD, CHILD))
                .expectException(RuleViolationException.class);
    }

    @Test
    void aHouseholdHasABoundedNumberOfPeople() {
        List<Object> history = new ArrayList<>(List.of(created()));
        for (int index = 1; index < Household.MAX_MEMBERS; index++) {
            history.add(new MemberJoinedHousehold(HOUSEHOLD, ORGANIZATION, UUID.randomUUID()));
        }
        fixture.given(history)
                .when(new AddHouseholdMember(HOUSEHOLD, CHILD))
                .expectException(RuleViolationException.class);
    }

    @Test
    void dissolvingFreesEveryoneAndEndsTheHousehold() {
        memberships.put(PARENT, HOUSEHOLD);
        memberships.put(CHILD, HOUSEHOLD);
        fixture.given(created(), joined())
                .when(new DissolveHousehold(HOUSEHOLD))
                .expectEvents(new HouseholdDissolved(HOUSEHOLD, ORGANIZATION));
        assertThat(memberships).isEmpty();
        fixture.given(created(), new HouseholdDissolved(HOUSEHOLD, ORGANIZATION))
                .when(new AddHouseholdMember(HOUSEHOLD, CHILD))
                .expectException(NotFoundException.class);
    }

    @Test
    void anErasedMemberLeavesAndAnErasedHolderDissolvesTheHousehold() {
        fixture.given(created(), joined())
                .when(new DropErasedMember(HOUSEHOLD, CHILD))
                .expectEvents(new MemberLeftHousehold(HOUSEHOLD, ORGANIZATION, CHILD));
        fixture.given(created(), joined())
                .when(new DropErasedMember(HOUSEHOLD, PARENT))
                .expectEvents(new HouseholdDissolved(HOUSEHOLD, ORGANIZATION));
        fixture.given(created())
                .when(new DropErasedMember(HOUSEHOLD, CHILD))
                .expectNoEvents();
    }

    private static HouseholdCreated created() {
        return new HouseholdCreated(HOUSEHOLD, ORGANIZATION, PARENT);
    }

    private static MemberJoinedHousehold joined() {
        return new MemberJoinedHousehold(HOUSEHOLD, ORGANIZATION, CHILD);
    }
}
