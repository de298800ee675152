package io.palestra.members.member;

import io.palestra.members.member.MemberMessages.RegisterMember;
import io.palestra.members.organization.Sites;
import io.palestra.platform.errors.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Decides a registration: the site must be one of the organisation's, and the member gets the organisation's next
 * code, both checked in the transaction of the registration.
 */
@Component
class MemberRegistration {

    private final Repository<Member> members;
    private final Sites sites;
    private final MemberCodes codes;

    MemberRegistration(Repository<Member> members, Sites sites, MemberCodes codes) {
        this.members = members;
        this.sites = sites;
        this.codes = codes;
    }

    @CommandHandler
    String handle(RegisterMember command) throws Exception {
        if (!sites.exists(command.organizationId(), command.siteId())) {
            throw new RuleViolationException("unknown-site",
                    "Site " + command.siteId() + " is not a site of this organisation.");
        }
        String code = codes.allocate(command.organizationId(), command.memberId());
        members.newInstance(() -> new Member(command, code));
        return code;
    }
}
