package io.palestra.platform.idempotency;

import io.palestra.platform.security.Caller;
import io.palestra.platform.security.Callers;
import io.palestra.platform.web.CachedBodyRequest;
import io.palestra.platform.web.ProblemCodes;
import io.palestra.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on POST. The first request with a key runs in one database transaction together with the
 * record of its answer, so a crash leaves either both or neither. A retry with the same key and body gets the first
 * answer again ({@code Idempotency-Replayed: true}) and causes nothing; the same key with another body is refused
 * (422). Only successful answers are kept: a refused request changed nothing and may be retried.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotency-Replayed";
    private static final Pattern ACCEPTABLE = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG);

    private final IdempotencyStore store;
    private final TransactionTemplate transactions;
    private final Problems problems;

    IdempotencyFilter(IdempotencyStore store, TransactionTemplate transactions, Problems problems) {
        this.store = store;
        this.transactions = transactions;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        Optional<Caller> caller = Callers.current();
        if (!ACCEPTABLE.matcher(key).matches()) {
            problems.write(request, response, Problems.invalid("The Idempotency-Key header is not valid.",
                    List.of(new Problems.FieldError(HEADER, "must be 1 to 255 visible ASCII characters"))), Map.of());
            return;
        }
        if (caller.isEmpty() || !(request instanceof CachedBodyRequest cached)) {
            chain.doFilter(request, response);
            return;
        }
        String scope = caller.get().subject() + "@" + caller.get().organizationId().map(Object::toString)
                .orElse("platform");
        String hash = hash(request, cached.body());
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        Outcome outcome = transactions.execute(status -> {
            if (!store.claim(scope, key, hash)) {
                return Outcome.EARLIER;
            }
            run(chain, request, recorded);
            if (recorded.getStatus() >= 200 && recorded.getStatus() < 300) {
                store.complete(scope, key, new StoredAnswer(hash, recorded.getStatus(), recorded.getContentType(),
                        kept(recorded), recorded.getContentAsByteArray()));
            } else {
                status.setRollbackOnly();
            }
            return Outcome.RAN;
        });
        if (outcome == Outcome.RAN) {
            recorded.copyBodyToResponse();
            return;
        }
        StoredAnswer earlier = transactions.execute(status -> store.find(scope, key)).orElseThrow();
        if (!earlier.requestHash().equals(hash)) {
            problems.write(request, response, Problems.of(HttpStatus.UNPROCESSABLE_CONTENT,
                    ProblemCodes.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was used for another request; "
                            + "use a new key for a new request."), Map.of());
            return;
        }
        replay(earlier, response);
    }

    private static void run(FilterChain chain, HttpServletRequest request, HttpServletResponse response) {
        try {
            chain.doFilter(request, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ServletException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void replay(StoredAnswer earlier, HttpServletResponse response) throws IOException {
        response.setStatus(earlier.status());
        earlier.headers().forEach(response::setHeader);
        response.setHeader(REPLAYED, "true");
        if (earlier.contentType() != null) {
            response.setContentType(earlier.contentType());
        }
        response.setContentLength(earlier.body().length);
        response.getOutputStream().write(earlier.body());
    }

    private static Map<String, String> kept(HttpServletResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        KEPT_HEADERS.forEach(name -> {
            String value = response.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        });
        return headers;
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private enum Outcome { RAN, EARLIER }
}
