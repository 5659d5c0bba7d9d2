package org.disputeledger.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.disputeledger.api.audit.NothingSealedException;
import org.disputeledger.api.audit.VerificationRunningException;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerRuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.disputeledger.api.infrastructure.ReadModelRebuilds;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place where failures become RFC 9457 problem details: 400 for a malformed request (naming the field
 * and the rule), 404 for an unknown stream, 409 for a command the ledger's rules refuse, 412 for a stream that is
 * not at the If-Match version, 413 for a body over the limit, 422 for a reused idempotency key. Each carries a
 * stable {@code code}, and names the field and the rule.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final RequestLimits limits;

    ProblemHandler(RequestLimits limits) {
        this.limits = limits;
    }

    public static ProblemDetail problem(HttpStatus status, String code, String title, String detail, String field,
                                        String rule) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:ledger:problem:" + code));
        problem.setTitle(title);
        problem.setProperty("code", code);
        if (field != null) {
            problem.setProperty("field", field);
        }
        if (rule != null) {
            problem.setProperty("rule", rule);
        }
        return problem;
    }

    /**
     * Writes a problem straight to the response, for refusals decided in a servlet filter (authentication, body
     * size) before any controller runs: the same shape as the problems this advice answers.
     */
    public static void write(ProblemDetail problem, HttpServletRequest request, HttpServletResponse response,
                             JsonMapper json) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", request.getRequestURI());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(body));
    }

    @ExceptionHandler(InvalidValueException.class)
    ProblemDetail invalidValue(InvalidValueException e) {
        return invalid(e.field(), e.rule(), e.getMessage());
    }

    @ExceptionHandler(LedgerRuleViolation.class)
    ProblemDetail ruleViolation(LedgerRuleViolation e) {
        String code = e.code().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return problem(HttpStatus.CONFLICT, code, "The ledger's rules refuse this command", e.getMessage(),
                e.field() == null ? "body" : e.field(), e.code().rule());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "stream-not-found", "No such stream",
                "the ledger holds no stream " + e.getAggregateIdentifier(), "id", "The stream must exist");
    }

    /**
     * A command addressed a stream that holds another kind of aggregate (a fine's command sent to a demand's id):
     * for the command's kind, no such stream exists.
     */
    @ExceptionHandler(IncompatibleAggregateException.class)
    ProblemDetail otherKindOfStream(IncompatibleAggregateException e) {
        return problem(HttpStatus.NOT_FOUND, "stream-not-found", "No such stream",
                "the stream the command addresses is not of the kind the command acts on", "id",
                "The stream must exist");
    }

    /**
     * A sum of amounts or counts past what a long holds (two counts near the maximum, say): refused, as a value
     * the ledger cannot hold, rather than wrapped around.
     */
    @ExceptionHandler(ArithmeticException.class)
    ProblemDetail overflow(ArithmeticException e) {
        return invalid("body", "overflow", "a sum of the amounts or counts involved exceeds what the ledger can hold");
    }

    @ExceptionHandler(ConcurrentModificationException.class)
    ProblemDetail concurrent(ConcurrentModificationException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-modification", "The stream changed concurrently",
                e.getMessage(), "id", "Two writes to one stream never both apply on the same version");
    }

    @ExceptionHandler(StaleVersionException.class)
    ProblemDetail staleVersion(StaleVersionException e) {
        return problem(HttpStatus.PRECONDITION_FAILED, "stale-version", "The stream is not at the expected version",
                e.getMessage(), IfMatch.HEADER,
                "A write with If-Match applies only to an existing stream at one of the versions it names");
    }

    @ExceptionHandler(ReadModelRebuilds.AlreadyRunning.class)
    ProblemDetail rebuildRunning(ReadModelRebuilds.AlreadyRunning e) {
        return problem(HttpStatus.CONFLICT, "rebuild-running", "A rebuild is running", e.getMessage(), "rebuild",
                "One rebuild of the read models runs at a time");
    }

    @ExceptionHandler(VerificationRunningException.class)
    ProblemDetail verificationRunning(VerificationRunningException e) {
        return problem(HttpStatus.CONFLICT, "verification-running", "A verification is running", e.getMessage(),
                null, "One full verification runs at a time on a node");
    }

    @ExceptionHandler(NothingSealedException.class)
    ProblemDetail nothingSealed(NothingSealedException e) {
        return problem(HttpStatus.NOT_FOUND, "nothing-sealed", "No checkpoint yet", e.getMessage(), null,
                "Checkpoints exist once the sealer has sealed the first events");
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ProblemDetail reusedKey(IdempotencyKeyReusedException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
                e.getMessage(), WriteRequests.IDEMPOTENCY_KEY_HEADER,
                "An Idempotency-Key identifies one request; a different request needs a new key");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return invalid(e.getName(), "type", e.getName() + " has an invalid value");
    }

    @Override
    protected org.springframework.http.ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, org.springframework.http.HttpHeaders headers,
            org.springframework.http.HttpStatusCode status,
                    org.springframework.web.context.request.WebRequest request) {
        return org.springframework.http.ResponseEntity.badRequest()
                .body(invalid(e.getParameterName(), "required", e.getParameterName() + " is required"));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ProblemDetail missingHeader(MissingRequestHeaderException e) {
        return invalid(e.getHeaderName(), "required", e.getHeaderName() + " header is required");
    }

    @Override
    protected org.springframework.http.ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, org.springframework.http.HttpHeaders headers,
            org.springframework.http.HttpStatusCode status,
                    org.springframework.web.context.request.WebRequest request) {
        if (findCause(e, BodySizeLimit.TooLarge.class) != null) {
            return org.springframework.http.ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(BodySizeLimit.problem(limits.maxBodySize().toBytes()));
        }
        return org.springframework.http.ResponseEntity.badRequest().body(unreadable(e));
    }

    /**
     * The refusals Spring MVC decides itself (no such endpoint, method, media type ...) get a code, a field and a
     * rule like every other problem.
     */
    @Override
    protected org.springframework.http.ResponseEntity<Object> handleExceptionInternal(Exception e, Object body,
            org.springframework.http.HttpHeaders headers, org.springframework.http.HttpStatusCode status,
            org.springframework.web.context.request.WebRequest request) {
        if (body == null && e instanceof org.springframework.web.ErrorResponse response) {
            body = response.updateAndGetBody(getMessageSource(), java.util.Locale.ROOT);
        }
        if (body instanceof ProblemDetail problem && (problem.getProperties() == null
                || !problem.getProperties().containsKey("code"))) {
            String[] named = named(e);
            problem.setType(URI.create("urn:ledger:problem:" + named[0]));
            problem.setProperty("code", named[0]);
            problem.setProperty("field", named[1]);
            problem.setProperty("rule", named[2]);
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    /** The code, field and rule of a refusal that Spring MVC decided. */
    private static String[] named(Exception e) {
        if (e instanceof NoResourceFoundException) {
            return new String[] {"not-found", "path", "no-such-endpoint"};
        }
        if (e instanceof HttpRequestMethodNotSupportedException) {
            return new String[] {"method-not-allowed", "method", "method-not-allowed"};
        }
        if (e instanceof HttpMediaTypeNotSupportedException) {
            return new String[] {"unsupported-media-type", HttpHeaders.CONTENT_TYPE, "application-json"};
        }
        if (e instanceof HttpMediaTypeNotAcceptableException) {
            return new String[] {"not-acceptable", HttpHeaders.ACCEPT, "application-json"};
        }
        return new String[] {"invalid-request", "request", "valid-request"};
    }

    private ProblemDetail unreadable(HttpMessageNotReadableException e) {
        StreamConstraintsException limit = findCause(e, StreamConstraintsException.class);
        if (limit != null) {
            return invalid("body", "json-limits", "the body exceeds a JSON limit: at most "
                    + limits.maxJsonDepth() + " levels of nesting, and bounded numbers and strings");
        }
        Throwable cause = e.getCause();
        if (cause instanceof DatabindException databind) {
            String path = path(databind.getPath());
            InvalidValueException invalid = findCause(databind, InvalidValueException.class);
            if (invalid != null) {
                return invalid(join(path, invalid.field()), invalid.rule(), invalid.getMessage());
            }
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return invalid(path, "unknown-field", "unknown field " + unknown.getPropertyName());
            }
            if (cause instanceof InvalidFormatException format) {
                Class<?> target = format.getTargetType();
                if (target != null && target.isEnum()) {
                    return invalid(path, "enum", path + " must be one of "
                            + List.of(target.getEnumConstants()));
                }
                if (isIntegral(target) && format.getValue() instanceof Number) {
                    return invalid(path, "integer", path + " must be a whole number; amounts are integer minor units");
                }
                return invalid(path, "format", path + " has an invalid value for " + simpleName(target));
            }
            if (cause instanceof ValueInstantiationException) {
                return invalid(path, "format", path + " has an invalid value");
            }
            if (cause instanceof MismatchedInputException mismatch) {
                return invalid(path, "type", path + " must be " + describe(mismatch.getTargetType()));
            }
            return invalid(path, "format", path + " has an invalid value");
        }
        if (cause instanceof JacksonException) {
            return invalid("body", "json", "the body is not well-formed JSON");
        }
        return invalid("body", "required", "a JSON body is required");
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "an integer";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "of type " + type.getSimpleName();
    }

    private static boolean isIntegral(Class<?> type) {
        return type == Long.class || type == long.class || type == Integer.class || type == int.class;
    }

    private static String simpleName(Class<?> type) {
        return type == null ? "its type" : type.getSimpleName();
    }

    /**
     * The full field of a value refused while a request body was read: {@code path} is where the value sits in the
     * body (envelope.sources[0]); {@code field} is how the value names itself or its own property (sources.url).
     */
    private static String join(String path, String field) {
        if (path.equals("body")) {
            return field;
        }
        String last = field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
        String pathTail = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[\\d+]$", "");
        return !field.contains(".") && field.equals(pathTail) ? path : path + "." + last;
    }

    private static String path(List<tools.jackson.databind.DatabindException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (var reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static <T extends Throwable> T findCause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    private static ProblemDetail invalid(String field, String rule, String message) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request is invalid", message,
                field, rule);
        problem.setProperty("errors", List.of(Map.of("field", field, "rule", rule, "message", message)));
        log.debug("refused invalid request: {} ({})", field, rule);
        return problem;
    }
}
