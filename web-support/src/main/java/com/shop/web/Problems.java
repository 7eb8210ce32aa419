package com.shop.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Domain outcomes that end a request as an RFC 9457 problem. Throw what these return; the
 * shared {@link ProblemDetailsAdvice} renders it as {@code application/problem+json}.
 */
public final class Problems {

	private Problems() {
	}

	public static ErrorResponseException notFound(String what, Object id) {
		return problem(HttpStatus.NOT_FOUND, what + " " + id + " does not exist");
	}

	public static ErrorResponseException conflict(String detail) {
		return problem(HttpStatus.CONFLICT, detail);
	}

	public static ErrorResponseException unprocessable(String detail, List<FieldError> errors) {
		ErrorResponseException ex = problem(HttpStatus.UNPROCESSABLE_CONTENT, detail);
		ex.getBody().setProperty("errors", errors);
		return ex;
	}

	public static ErrorResponseException badRequest(String detail, List<FieldError> errors) {
		ErrorResponseException ex = problem(HttpStatus.BAD_REQUEST, detail);
		ex.getBody().setProperty("errors", errors);
		return ex;
	}

	public static ErrorResponseException problem(HttpStatus status, String detail) {
		return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
	}

}
