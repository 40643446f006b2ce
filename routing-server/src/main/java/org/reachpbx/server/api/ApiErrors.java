package org.reachpbx.server.api;

import java.util.List;
import org.reachpbx.directory.validation.InvalidConfigurationException;
import org.reachpbx.directory.validation.MalformedDocumentException;
import org.reachpbx.directory.validation.Violation;
import org.reachpbx.directory.sound.SoundInUseException;
import org.reachpbx.directory.sound.SoundNotFoundException;
import org.reachpbx.directory.sound.SoundRejectedException;
import org.reachpbx.rules.tables.TableStateException;
import org.reachpbx.rules.tables.TableValidationException;
import org.reachpbx.rules.tables.TableViolation;
import org.reachpbx.rules.tables.UnknownTableVersionException;
import org.reachpbx.integrations.InvalidInputException;
import org.reachpbx.integrations.NoSuchResourceException;
import org.reachpbx.integrations.StateConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.hibernate.exception.JDBCConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Error bodies of the REST API: {@code {"error": "...", "violations": [{"path", "message"}]}}.
 * A document that cannot be read is 400; a readable but invalid configuration is 422; a conflict
 * with a concurrent change is 409. Invalid analyst tables are 422 with violations of the form
 * {@code {table, row, column, message}} instead; a request that does not fit a table version's
 * state (publishing a version that is not a draft) is 409. The integrations API answers 404 for
 * an unknown tenant, box, message or endpoint, 400 for unusable input (a WAV that is not 8 kHz) and
 * 409 for a request that does not fit the state (retrying a message that is not DEAD). Sound-file
 * uploads (docs/sounds.md) are refused with 400 (bad name, empty), 413 (too large; also any upload
 * beyond the server's multipart limit), 415 (not WAV/MP3, an encoding that cannot be decoded) or 422
 * (damaged, too long, silent); deleting a sound file still in use is 409 with its places. When the
 * configuration database cannot be reached, 503.
 */
@RestControllerAdvice
public class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private final DatabaseOutage outage;

    public ApiErrors(DatabaseOutage outage) {
        this.outage = outage;
    }

    public record ErrorBody(String error, List<Violation> violations) {
    }

    @ExceptionHandler(MalformedDocumentException.class)
    ResponseEntity<ErrorBody> malformed(MalformedDocumentException e) {
        return ResponseEntity.badRequest().body(new ErrorBody("the document cannot be read", e.getViolations()));
    }

    /** No body at all, or one Spring could not read as text. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        // A JSON body that parses badly (unknown field, a time that is no time) says what and where.
        if (e.getMostSpecificCause() instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
            String where = json.getLocation() == null ? "" : " (line " + json.getLocation().getLineNr()
                    + ", column " + json.getLocation().getColumnNr() + ")";
            return ResponseEntity.badRequest().body(new ErrorBody("the request cannot be read: "
                    + json.getOriginalMessage() + where, List.of()));
        }
        return ResponseEntity.badRequest().body(new ErrorBody("the document cannot be read",
                List.of(new Violation("", "the document is empty"))));
    }

    @ExceptionHandler(InvalidConfigurationException.class)
    ResponseEntity<ErrorBody> invalid(InvalidConfigurationException e) {
        return ResponseEntity.unprocessableEntity()
                .body(new ErrorBody("the configuration is invalid; nothing was stored", e.getViolations()));
    }

    @ExceptionHandler({DataIntegrityViolationException.class, OptimisticLockingFailureException.class})
    ResponseEntity<ErrorBody> conflict(RuntimeException e) {
        log.warn("Refused a change that conflicts with stored data: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ErrorBody(
                "the change conflicts with a concurrent change or with stored data; nothing was stored", List.of()));
    }

    /** Violations of the analyst tables, in the analyst's terms: {@code {table, row, column, message}}. */
    public record TableErrorBody(String error, List<TableViolation> violations) {
    }

    @ExceptionHandler(TableValidationException.class)
    ResponseEntity<TableErrorBody> invalidTables(TableValidationException e) {
        return ResponseEntity.unprocessableEntity().body(new TableErrorBody(
                "the analyst tables are invalid; the active version is unchanged", e.getViolations()));
    }

    @ExceptionHandler(TableStateException.class)
    ResponseEntity<ErrorBody> tableState(TableStateException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ErrorBody(e.getMessage(), List.of()));
    }

    @ExceptionHandler(UnknownTableVersionException.class)
    ResponseEntity<ErrorBody> unknownTableVersion(UnknownTableVersionException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ErrorBody(e.getMessage(), List.of()));
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<ErrorBody> badRequest(BadRequestException e) {
        return ResponseEntity.badRequest().body(new ErrorBody(e.getMessage(), List.of()));
    }

    @ExceptionHandler({NoSuchResourceException.class})
    ResponseEntity<ErrorBody> noSuchResource(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ErrorBody(e.getMessage(), List.of()));
    }

    /** Unusable input of the integrations API, e.g. audio that is not an 8 kHz WAV. */
    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ErrorBody> invalidInput(InvalidInputException e) {
        return ResponseEntity.badRequest().body(new ErrorBody(e.getMessage(), List.of()));
    }

    @ExceptionHandler(StateConflictException.class)
    ResponseEntity<ErrorBody> stateConflict(StateConflictException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ErrorBody(e.getMessage(), List.of()));
    }

    /** A multipart request without its part, or a required parameter missing or of the wrong type. */
    @ExceptionHandler({MissingServletRequestPartException.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class, MultipartException.class})
    ResponseEntity<ErrorBody> incompleteRequest(Exception e) {
        if (e instanceof MaxUploadSizeExceededException) {
            // beyond the server's multipart limit (spring.servlet.multipart.max-file-size)
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(new ErrorBody("the upload is too large",
                    List.of()));
        }
        return ResponseEntity.badRequest().body(new ErrorBody(e.getMessage(), List.of()));
    }

    /** A sound upload refused (docs/sounds.md): 400 bad name or empty, 413 too large, 415 not WAV/MP3, 422 unusable audio. */
    @ExceptionHandler(SoundRejectedException.class)
    ResponseEntity<ErrorBody> soundRejected(SoundRejectedException e) {
        HttpStatus status = switch (e.getProblem()) {
            case BAD_NAME, EMPTY -> HttpStatus.BAD_REQUEST;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case UNRECOGNISED, UNSUPPORTED_ENCODING -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case DAMAGED, TOO_LONG, SILENT -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
        return ResponseEntity.status(status).body(new ErrorBody(e.getMessage(), List.of()));
    }

    @ExceptionHandler(SoundNotFoundException.class)
    ResponseEntity<ErrorBody> soundNotFound(SoundNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ErrorBody(e.getMessage(), List.of()));
    }

    /** A sound file the configuration still names: 409 with each place as a violation. */
    @ExceptionHandler(SoundInUseException.class)
    ResponseEntity<ErrorBody> soundInUse(SoundInUseException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ErrorBody(e.getMessage(), e.getReferences().stream()
                .map(path -> new Violation(path, "uses this sound file")).toList()));
    }

    /**
     * The configuration database cannot be reached (down, network, pool exhausted): 503 with a body
     * that says so, quickly (the pool waits at most its connection timeout), logged once per outage.
     */
    @ExceptionHandler({CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class,
            CannotCreateTransactionException.class, JDBCConnectionException.class})
    ResponseEntity<ErrorBody> databaseUnavailable(Exception e) {
        outage.failed(e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .body(new ErrorBody("the configuration database is not reachable; nothing was changed. Try again"
                        + " in a moment", List.of()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ErrorBody> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ErrorBody(e.getMessage(), List.of()));
    }
}
