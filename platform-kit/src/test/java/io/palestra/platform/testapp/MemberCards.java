package io.palestra.platform.testapp;

import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.personal.PersonalDataContributor;
import io.palestra.platform.security.Caller;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The membership cards of the test service's members, in memory; as the owner of the members, it answers 404 for a
 * member the caller's organisation does not have.
 */
@Component
@Order(1)
public class MemberCards implements PersonalDataContributor {

    public record Card(UUID organizationId, UUID memberId, String number) {
    }

    private final Map<UUID, Card> cards = new ConcurrentHashMap<>();

    public void issue(Card card) {
        cards.put(card.memberId(), card);
    }

    @Override
    public String section() {
        return "cards";
    }

    @Override
    public List<Card> export(Caller caller, UUID memberId) {
        Card card = cards.get(memberId);
        if (card == null || !card.organizationId().equals(caller.organization())) {
            throw NotFoundException.of("member", memberId);
        }
        return List.of(card);
    }
}
