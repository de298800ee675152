package io.palestra.platform.web;

import io.palestra.platform.errors.ConflictException;
import io.palestra.platform.errors.ContentTooLargeException;
import io.palestra.platform.errors.DomainException;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.errors.PreconditionFailedException;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.platform.errors.UnsupportedContentException;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns every failure of a request into an RFC 9457 problem with a stable {@code code}: Spring MVC's own errors,
 * business refusals, Axon's command failures and anything unexpected (500, logged, never a stack trace out).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalidInput(InvalidInputException ex, WebRequest request) {
        return answer(Problems.invalid(ex.getMessage(), ex.fields().stream()
                .map(field -> new Problems.FieldError(field.field(), field.message())).toList()), request);
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> domain(DomainException ex, WebRequest request) {
        if (ex instanceof InvalidInputException invalid) {
            return invalidInput(invalid, request);
        }
        HttpStatus status = ex instanceof NotFoundException ? HttpStatus.NOT_FOUND
                : ex instanceof ConflictException ? HttpStatus.CONFLICT
                : ex instanceof PreconditionFailedException ? HttpStatus.PRECONDITION_FAILED
                : ex instanceof ContentTooLargeException ? HttpStatus.CONTENT_TOO_LARGE
                : ex instanceof UnsupportedContentException ? HttpStatus.UNSUPPORTED_MEDIA_TYPE
                : HttpStatus.UNPROCESSABLE_CONTENT;
        return answer(Problems.of(status, ex.code(), ex.getMessage()), request);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> aggregateNotFound(AggregateNotFoundException ex, WebRequest request) {
        return answer(Problems.of(HttpStatus.NOT_FOUND, ProblemCodes.NOT_FOUND, "No such resource here."), request);
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<Object> staleVersion(ConflictingAggregateVersionException ex, WebRequest request) {
        return answer(Problems.of(HttpStatus.PRECONDITION_FAILED, ProblemCodes.PRECONDITION_FAILED,
                "The resource changed since version " + ex.getExpectedVersion() + " (it is now at version "
                        + ex.getActualVersion() + "): read it again and retry with its current ETag."), request);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> concurrentChange(ConcurrencyException ex, WebRequest request) {
        return answer(Problems.of(HttpStatus.CONFLICT, ProblemCodes.CONFLICT,
                "Another change to the same resource happened at the same moment: retry."), request);
    }

    @ExceptionHandler(JSR303ViolationException.class)
    ResponseEntity<Object> invalidCommand(JSR303ViolationException ex, WebRequest request) {
        List<Problems.FieldError> errors = ex.getViolations().stream()
                .map(violation -> new Problems.FieldError(violation.getPropertyPath().toString(),
                        violation.getMessage()))
                .toList();
        return answer(Problems.invalid("The request is not valid.", errors), request);
    }

    /** Method validation of a {@code @Validated} bean: the field is the parameter's name, the last part of the path. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> invalidParameter(ConstraintViolationException ex, WebRequest request) {
        List<Problems.FieldError> errors = ex.getConstraintViolations().stream()
                .map(violation -> {
                    String path = violation.getPropertyPath().toString();
                    return new Problems.FieldError(path.substring(path.lastIndexOf('.') + 1), violation.getMessage());
                })
                .toList();
        return answer(Problems.invalid("The request is not valid.", errors), request);
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> commandFailed(CommandExecutionException ex, WebRequest request) {
        Throwable cause = ex.getCause();
        if (cause instanceof Exception unwrapped && !(cause instanceof CommandExecutionException)) {
            return unwrapped instanceof DomainException domain ? domain(domain, request) : rethrown(unwrapped, request);
        }
        Object details = ex.getDetails().orElse(null);
        if (details instanceof DomainException domain) {
            return domain(domain, request);
        }
        return unexpected(ex, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException ex, WebRequest request) {
        return answer(Problems.of(HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN,
                "Your role does not allow this operation."), request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException ex, WebRequest request) {
        return answer(Problems.of(HttpStatus.UNAUTHORIZED, ProblemCodes.UNAUTHORIZED,
                "A valid bearer token is required."), request);
    }

    @ExceptionHandler(EventStoreException.class)
    ResponseEntity<Object> storeUnavailable(EventStoreException ex, WebRequest request) {
        log.error("The event store refused a write", ex);
        return answer(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemCodes.SERVICE_UNAVAILABLE,
                "The service cannot store changes right now; retry shortly."), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        log.error("Unexpected failure of {}", describe(request), ex);
        return answer(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, ProblemCodes.INTERNAL_ERROR,
                "Something went wrong on our side. Quote the correlation id to support."), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Problems.FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new Problems.FieldError(error.getField(), message(error)))
                .toList();
        return answer(Problems.invalid(summary(errors), errors), request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<Problems.FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new Problems.FieldError(
                                error instanceof FieldError field ? field.getField()
                                        : result.getMethodParameter().getParameterName(),
                                message(error))))
                .toList();
        return answer(Problems.invalid(summary(errors), errors), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        JacksonException jackson = firstJacksonCause(ex);
        if (jackson == null || jackson instanceof StreamReadException) {
            String detail = jackson != null ? "The body is not valid JSON: " + jackson.getOriginalMessage()
                    : "The request needs a JSON body.";
            return answer(Problems.of(HttpStatus.BAD_REQUEST, ProblemCodes.MALFORMED_BODY, detail), request);
        }
        String field = jackson.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        List<Problems.FieldError> errors = List.of(new Problems.FieldError(field.isEmpty() ? "body" : field,
                readable(jackson)));
        return answer(Problems.invalid(summary(errors), errors), request);
    }

    private static JacksonException firstJacksonCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                return jackson;
            }
        }
        return null;
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex,
                                                        HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        if (ex instanceof MethodArgumentTypeMismatchException mismatch
                && mismatch.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return answer(Problems.of(HttpStatus.NOT_FOUND, ProblemCodes.NOT_FOUND, "No such resource here."),
                    request);
        }
        String name = ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
        List<Problems.FieldError> errors = List.of(new Problems.FieldError(name,
                "'" + ex.getValue() + "' is not a valid value"));
        return answer(Problems.invalid(summary(errors), errors), request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        List<Problems.FieldError> errors = List.of(new Problems.FieldError(ex.getParameterName(), "is required"));
        return answer(Problems.invalid(summary(errors), errors), request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : ProblemDetail.forStatus(statusCode);
        Problems.decorate(problem, codeOf(ex, statusCode));
        if (ex instanceof MissingRequestHeaderException missing) {
            problem.setProperty("errors", List.of(Map.of("field", missing.getHeaderName(),
                    "message", "is required")));
        }
        return answer(problem, headers, request);
    }

    private static String codeOf(Exception ex, HttpStatusCode status) {
        if (ex instanceof HttpMediaTypeNotSupportedException) {
            return ProblemCodes.UNSUPPORTED_MEDIA_TYPE;
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException) {
            return ProblemCodes.NOT_ACCEPTABLE;
        }
        if (ex instanceof HttpRequestMethodNotSupportedException) {
            return ProblemCodes.METHOD_NOT_ALLOWED;
        }
        if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            return ProblemCodes.UNKNOWN_PATH;
        }
        if (ex instanceof MaxUploadSizeExceededException) {
            return ProblemCodes.PAYLOAD_TOO_LARGE;
        }
        return ProblemCodes.forStatus(status.value());
    }

    private ResponseEntity<Object> rethrown(Exception cause, WebRequest request) {
        if (cause instanceof AggregateNotFoundException notFound) {
            return aggregateNotFound(notFound, request);
        }
        if (cause instanceof ConflictingAggregateVersionException stale) {
            return staleVersion(stale, request);
        }
        if (cause instanceof ConcurrencyException concurrent) {
            return concurrentChange(concurrent, request);
        }
        if (cause instanceof JSR303ViolationException invalid) {
            return invalidCommand(invalid, request);
        }
        if (cause instanceof AccessDeniedException denied) {
            return denied(denied, request);
        }
        return unexpected(cause, request);
    }

    private ResponseEntity<Object> answer(ProblemDetail problem, WebRequest request) {
        return answer(problem, new HttpHeaders(), request);
    }

    private ResponseEntity<Object> answer(ProblemDetail problem, HttpHeaders headers, WebRequest request) {
        if (problem.getInstance() == null && request instanceof ServletWebRequest servlet) {
            problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
        }
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() != null ? error.getDefaultMessage() : "is not valid";
    }

    private static String readable(JacksonException ex) {
        if (ex.getCause() instanceof IllegalArgumentException refused && refused.getMessage() != null) {
            return refused.getMessage();
        }
        String message = ex.getOriginalMessage();
        if (message.startsWith("Cannot deserialize value of type `java.util.UUID`")) {
            return "must be a UUID";
        }
        if (message.startsWith("Cannot deserialize value of type `java.time.LocalDate`")) {
            return "must be a date like 1990-04-17";
        }
        if (message.contains("Unrecognized property") || message.contains("Unrecognized field")) {
            return "is not a known field";
        }
        int cut = message.indexOf(" at [Source");
        return cut > 0 ? message.substring(0, cut) : message;
    }

    private static String summary(List<Problems.FieldError> errors) {
        return errors.size() == 1
                ? "The request is not valid: " + errors.get(0).field() + " " + errors.get(0).message() + "."
                : "The request is not valid: " + errors.size() + " fields need attention.";
    }

    private static String describe(WebRequest request) {
        return request instanceof ServletWebRequest servlet
                ? servlet.getHttpMethod() + " " + servlet.getRequest().getRequestURI() : request.getDescription(false);
    }
}
