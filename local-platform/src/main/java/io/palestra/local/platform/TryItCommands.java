package io.palestra.local.platform;

import java.util.List;

/**
 * Commands to paste in bash to try the API through the gateway. A platform admin belongs to no organisation, so it
 * creates one, and a manager of that organisation lists its members. Only curl, sed, grep and cut: jq may be absent.
 */
final class TryItCommands {

    private static final String TOKEN = "sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/'";
    private static final String JSON = "-H 'Content-Type: application/json'";

    private TryItCommands() {
    }

    static List<String> forGateway(String gateway) {
        return List.of(
                "ADMIN=$(curl -s -X POST " + gateway + "/dev/token " + JSON
                        + " -d '{\"roles\":[\"platform-admin\"],\"subject\":\"admin\"}' | " + TOKEN + ")",
                // The organisation's id is the first "id" of the answer; its sites' ids follow.
                "ORG=$(curl -s -X POST " + gateway + "/api/v1/organizations -H \"Authorization: Bearer $ADMIN\" "
                        + JSON + " -d '{\"name\":\"Demo Club\",\"currency\":\"EUR\",\"timeZone\":\"Europe/Paris\","
                        + "\"locale\":\"fr-FR\",\"sites\":[{\"name\":\"Central\",\"timeZone\":\"Europe/Paris\"}]}'"
                        + " | grep -o '\"id\":\"[^\"]*\"' | head -n 1 | cut -d '\"' -f 4)",
                "TOKEN=$(curl -s -X POST " + gateway + "/dev/token " + JSON
                        + " -d '{\"organizationId\":\"'\"$ORG\"'\",\"roles\":[\"manager\"],\"subject\":\"manager\"}' | "
                        + TOKEN + ")",
                "curl -s " + gateway + "/api/v1/members -H \"Authorization: Bearer $TOKEN\"");
    }
}
