package io.palestra.members.member;

/** Whom to call if something happens to the member: a name, how they relate (mother, partner...), a phone (E.164). */
public record EmergencyContact(String name, String relationship, String phone) {
}
