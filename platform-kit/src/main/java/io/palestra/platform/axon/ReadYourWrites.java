package io.palestra.platform.axon;

import io.palestra.platform.idempotency.IdempotentRequests;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Read-your-writes for projections fed by streaming processors: after a command, wait until a projection has
 * handled every event of the aggregate committed so far, so that the caller's next read sees its write.
 *
 * <p>It reads the committed tracking tokens, so it works whichever instance of the service owns the segment. When
 * called inside the transaction of an {@code Idempotency-Key} request, that transaction is committed first (see
 * {@link IdempotentRequests}), so the endpoint can read its change back; inside any other transaction the wait
 * happens right after its commit.
 */
public class ReadYourWrites {

    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final Duration timeout;

    public ReadYourWrites(JdbcClient jdbc, Serializer serializer, Duration timeout) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.timeout = timeout;
    }

    /**
     * Returns once {@code processingGroup} has handled the latest event of {@code aggregateId}, or after the timeout
     * (logged: the write itself has succeeded, only the projection is late).
     */
    public void await(String processingGroup, String aggregateId) {
        if (IdempotentRequests.commitNow()) {
            awaitNow(processingGroup, aggregateId);
        } else if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    awaitNow(processingGroup, aggregateId);
                }
            });
        } else {
            awaitNow(processingGroup, aggregateId);
        }
    }

    private void awaitNow(String processingGroup, String aggregateId) {
        Optional<Long> latest = jdbc.sql("SELECT max(globalindex) FROM domainevententry WHERE aggregateidentifier = ?")
                .param(aggregateId).query(Long.class).optional();
        if (latest.isEmpty()) {
            return;
        }
        long target = latest.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        long pauseMicros = 500;
        while (!covered(processingGroup, aggregateId, target)) {
            if (System.nanoTime() > deadline) {
                log.warn("Projection {} has not handled the events of {} within {}; the caller may read stale data",
                        processingGroup, aggregateId, timeout);
                return;
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(pauseMicros));
            pauseMicros = Math.min(pauseMicros * 2, 20_000);
        }
    }

    private boolean covered(String processingGroup, String aggregateId, long target) {
        List<StoredToken> tokens = jdbc.sql("SELECT segment, token, tokentype FROM tokenentry WHERE processorname = ?")
                .param(processingGroup)
                .query((row, number) -> new StoredToken(row.getInt(1), row.getBytes(2), row.getString(3)))
                .list();
        if (tokens.isEmpty()) {
            return false;
        }
        int[] segmentIds = tokens.stream().mapToInt(StoredToken::segment).toArray();
        for (Segment segment : Segment.computeSegments(segmentIds)) {
            if (segment.matches(aggregateId)) {
                return tokens.stream()
                        .filter(token -> token.segment() == segment.getSegmentId())
                        .findFirst()
                        .map(token -> token.covers(serializer, target))
                        .orElse(false);
            }
        }
        return false;
    }

    /**
     * Whether a processor at {@code position} has handled the event at global index {@code index}: it is past it, and
     * the index is not one of the gaps it still waits for. Gaps below the index (a transaction that rolled back, or
     * one still running for another aggregate) do not matter: the event itself was handled. ({@link
     * TrackingToken#covers} would also demand that every gap of the position be a gap of the index's token.)
     */
    static boolean handled(TrackingToken position, long index) {
        TrackingToken lowerBound = WrappedToken.unwrapLowerBound(position);
        if (lowerBound instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= index && !gapAware.getGaps().contains(index);
        }
        return lowerBound != null && lowerBound.covers(GapAwareTrackingToken.newInstance(index, Collections.emptySet()));
    }

    private record StoredToken(int segment, byte[] token, String type) {

        boolean covers(Serializer serializer, long target) {
            if (token == null || type == null) {
                return false;
            }
            TrackingToken position = serializer.deserialize(
                    new SimpleSerializedObject<>(token, byte[].class, type, null));
            return position != null && handled(position, target);
        }
    }
}
