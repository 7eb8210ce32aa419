package com.shop.web;

import java.util.List;

import jakarta.validation.ConstraintViolationException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.MethodParameter;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every client mistake into an RFC 9457 problem that says what is wrong: Spring
 * MVC's standard cases (415, 405, 406, 404 ...), plus a per-field {@code errors} list for
 * invalid bodies and parameters, and the exact field and reason for JSON that cannot be
 * read. An overloaded or unreachable database is a 503 with {@code Retry-After}, not a
 * 500.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new FieldError(error.getField(), error.getDefaultMessage()))
			.toList();
		ProblemDetail body = invalid(status, errors);
		return handleExceptionInternal(ex, body, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = ex.getParameterValidationResults().stream().flatMap((result) -> {
			if (result instanceof ParameterErrors parameterErrors) {
				return parameterErrors.getFieldErrors()
					.stream()
					.map((error) -> new FieldError(error.getField(), error.getDefaultMessage()));
			}
			return result.getResolvableErrors()
				.stream()
				.map((error) -> FieldError.ofParameter(parameterName(result.getMethodParameter()),
						error.getDefaultMessage()));
		}).toList();
		ProblemDetail body = invalid(HttpStatus.BAD_REQUEST, errors);
		return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail body = ProblemDetail.forStatus(status);
		if (ex.getMostSpecificCause() instanceof JacksonException jackson) {
			// a number too large for its field is the parser's error, but about a field
			if (jackson instanceof StreamReadException && !(jackson instanceof InputCoercionException)) {
				body.setDetail("The body is not valid JSON: " + jackson.getOriginalMessage());
			}
			else {
				FieldError error = JsonProblem.of(jackson);
				body.setDetail("The body does not match the expected shape"
						+ (error.field().isEmpty() ? "" : " at " + error.pointer()) + ": " + error.message());
				body.setProperty("errors", List.of(error));
			}
		}
		else {
			body.setDetail("The request body is missing or cannot be read");
		}
		return handleExceptionInternal(ex, body, headers, status, request);
	}

	/**
	 * The name the client used: the header or request parameter name where there is one.
	 */
	private static String parameterName(MethodParameter parameter) {
		RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
		if (header != null && !header.name().isEmpty()) {
			return header.name();
		}
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		if (param != null && !param.name().isEmpty()) {
			return param.name();
		}
		return parameter.getParameterName();
	}

	/**
	 * No database connection came free in time (overload), or the database is
	 * unreachable: not the client's mistake, and worth repeating (with the same
	 * Idempotency-Key) after {@code Retry-After}.
	 */
	@ExceptionHandler({ CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
			TransientDataAccessException.class })
	ResponseEntity<ProblemDetail> handleDatabaseUnavailable(RuntimeException ex) {
		log.warn("Answering 503: {}", ex.toString());
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The service is overloaded or its database is unreachable; try again shortly");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "1")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(body);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ProblemDetail handleConstraintViolation(ConstraintViolationException ex) {
		return invalid(HttpStatus.BAD_REQUEST,
				ex.getConstraintViolations()
					.stream()
					.map((violation) -> new FieldError(violation.getPropertyPath().toString(), violation.getMessage()))
					.toList());
	}

	private static ProblemDetail invalid(HttpStatusCode status, List<FieldError> errors) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status,
				"The request has " + errors.size() + " invalid field" + ((errors.size() == 1) ? "" : "s"));
		body.setProperty("errors", errors);
		return body;
	}

}
