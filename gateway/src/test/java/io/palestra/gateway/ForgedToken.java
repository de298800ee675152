package io.palestra.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.palestra.test.TestInfrastructure;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

/** A token that claims everything a real one does (issuer, audience, roles) but is signed with a key of its own. */
final class ForgedToken {

    private ForgedToken() {
    }

    static String signedByAnotherKey(String subject) {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("forger").generate();
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(TestInfrastructure.tokens().issuer())
                    .audience("palestra")
                    .subject(subject)
                    .claim("organization_id", GatewayTest.ORGANIZATION.toString())
                    .claim("roles", List.of("owner"))
                    .issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plus(1, ChronoUnit.HOURS)))
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
