package io.palestra.gateway.limits;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Refuses bodies above {@code palestra.gateway.max-request-size}, or {@code palestra.gateway.max-upload-size} for
 * multipart uploads (photos, imports), which the services then check against their own, finer limits. When Content-Length says so, at once: the service
 * never sees the request. A chunked body without a length is counted while it streams through; once over the limit
 * the service's connection is cut mid-body, so it never receives a complete request either.
 */
@Component
class RequestSizeLimitFilter implements WebFilter, Ordered {

    private final DataSize requestLimit;
    private final DataSize uploadLimit;

    RequestSizeLimitFilter(@Value("${palestra.gateway.max-request-size}") DataSize requestLimit,
                           @Value("${palestra.gateway.max-upload-size}") DataSize uploadLimit) {
        this.requestLimit = requestLimit;
        this.uploadLimit = uploadLimit;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        DataSize limitSize = type != null && "multipart".equalsIgnoreCase(type.getType()) ? uploadLimit : requestLimit;
        long limit = limitSize.toBytes();
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > limit) {
            return Mono.error(tooLarge(limitSize));
        }
        if (declared >= 0) {
            // Netty reads exactly Content-Length bytes, so a declared length within the limit needs no counting.
            return chain.filter(exchange);
        }
        ServerHttpRequestDecorator counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> countBytes(super.getBody(), limitSize));
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private static Flux<DataBuffer> countBytes(Flux<DataBuffer> body, DataSize limitSize) {
        long limit = limitSize.toBytes();
        AtomicLong seen = new AtomicLong();
        return body.handle((buffer, sink) -> {
            if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                DataBufferUtils.release(buffer);
                sink.error(tooLarge(limitSize));
            } else {
                sink.next(buffer);
            }
        });
    }

    private static ResponseStatusException tooLarge(DataSize limit) {
        return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than the " + readable(limit) + " the gateway accepts");
    }

    private static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes >= DataSize.ofMegabytes(1).toBytes() && bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + "MB";
        }
        if (bytes >= DataSize.ofKilobytes(1).toBytes() && bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
            return size.toKilobytes() + "KB";
        }
        return bytes + " bytes";
    }

    @Override
    public int getOrder() {
        // Right after the correlation id, before security spends any work on the request.
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
