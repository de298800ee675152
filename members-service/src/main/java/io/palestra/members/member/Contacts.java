package io.palestra.members.member;

import io.palestra.members.member.RecordMessages.UpdateMember;

/** How to reach the member: e-mail and phone (E.164), each optional. */
record Contacts(String email, String phone) {

    Contacts changedBy(UpdateMember update) {
        return new Contacts(Change.apply(update.email(), email), Change.apply(update.phone(), phone));
    }
}
