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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on POST. The first request with a key runs in one database transaction together with the
 * record of its answer, so a crash leaves either both or neither. A retry with the same key and body gets the first
 * answer again ({@code Idempotency-Replayed: true}) and causes nothing; the same key with another body is refused
 * (422). Only successful answers are kept: a refused request changed nothing and may be retried. An endpoint that
 * reads its own change back commits early ({@link IdempotentRequests}); its answer is then kept whatever it is.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotency-Replayed";
    private static final Pattern ACCEPTABLE = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG);

    private final IdempotencyStore store;
    private final PlatformTransactionManager transactions;
    private final Problems problems;
    private final Duration inFlightWait;

    IdempotencyFilter(IdempotencyStore store, PlatformTransactionManager transactions, Problems problems,
                      Duration inFlightWait) {
        this.inFlightWait = inFlightWait;
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
        TransactionStatus transaction = transactions.getTransaction(TransactionDefinition.withDefaults());
        boolean claimed;
        try {
            claimed = store.claim(scope, key, hash);
        } catch (RuntimeException e) {
            transactions.rollback(transaction);
            throw e;
        }
        if (claimed) {
            runClaimed(chain, request, recorded, transaction, new Claim(scope, key, hash));
            recorded.copyBodyToResponse();
            return;
        }
        transactions.commit(transaction);
        answerRetry(request, response, scope, key, hash);
    }

    /**
     * Runs the first request with a key. A successful answer is kept with the claim in the request's transaction;
     * a refused one rolls everything back so the key may be retried. Once the endpoint has committed early (see
     * {@link IdempotentRequests}), its change is done whatever the answer, so the answer is kept in a new
     * transaction.
     */
    private void runClaimed(FilterChain chain, HttpServletRequest request, ContentCachingResponseWrapper recorded,
                            TransactionStatus transaction, Claim claim) {
        IdempotentRequests.begin(transactions, transaction);
        try {
            run(chain, request, recorded);
        } catch (RuntimeException e) {
            if (!transaction.isCompleted()) {
                transactions.rollback(transaction);
            }
            throw e;
        } finally {
            IdempotentRequests.end();
        }
        boolean succeeded = recorded.getStatus() >= 200 && recorded.getStatus() < 300;
        if (!transaction.isCompleted()) {
            if (!succeeded) {
                transactions.rollback(transaction);
                return;
            }
            complete(claim, recorded);
            transactions.commit(transaction);
            return;
        }
        TransactionStatus afterwards = transactions.getTransaction(TransactionDefinition.withDefaults());
        complete(claim, recorded);
        transactions.commit(afterwards);
    }

    private void complete(Claim claim, ContentCachingResponseWrapper recorded) {
        store.complete(claim.scope(), claim.key(), new StoredAnswer(claim.hash(), recorded.getStatus(),
                recorded.getContentType(), kept(recorded), recorded.getContentAsByteArray()));
    }

    /**
     * A retry, or a concurrent duplicate: it gets the first answer once there is one. A first request that committed
     * early and has not answered within the in-flight wait is still running, or died between its change and its
     * answer: the retry is told so (409) rather than run again.
     */
    private void answerRetry(HttpServletRequest request, HttpServletResponse response, String scope, String key,
                             String hash) throws IOException {
        long deadline = System.nanoTime() + inFlightWait.toNanos();
        StoredAnswer earlier = store.find(scope, key).orElseThrow();
        while (earlier.running() && earlier.requestHash().equals(hash) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            earlier = store.find(scope, key).orElseThrow();
        }
        if (!earlier.requestHash().equals(hash)) {
            problems.write(request, response, Problems.of(HttpStatus.UNPROCESSABLE_CONTENT,
                    ProblemCodes.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was used for another request; "
                            + "use a new key for a new request."), Map.of());
            return;
        }
        if (earlier.running()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            problems.write(request, response, Problems.of(HttpStatus.CONFLICT,
                    ProblemCodes.IDEMPOTENCY_REQUEST_IN_FLIGHT, "The first request with this Idempotency-Key has "
                            + "made its change but has not answered yet. Retry later, or read the resource to see "
                            + "its outcome."), Map.of());
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

    private record Claim(String scope, String key, String hash) {
    }
}
