package io.palestra.platform.testapp;

import io.palestra.platform.personal.PersonalDataContributor;
import io.palestra.platform.security.Caller;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/** A part of the test service that keeps nothing about members yet. */
@Component
@Order(2)
class Visits implements PersonalDataContributor {

    @Override
    public String section() {
        return "visits";
    }

    @Override
    public List<Object> export(Caller caller, UUID memberId) {
        return List.of();
    }
}
