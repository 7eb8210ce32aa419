package com.shop.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Writes an RFC 9457 problem straight to the response, for the filters that answer before
 * a request reaches Spring MVC (and so before {@link ProblemDetailsAdvice}).
 */
final class ProblemResponses {

	private static final JsonMapper json = JsonMapper.builder().build();

	private ProblemResponses() {
	}

	static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		// UTF-8, as JSON is by definition, so no charset parameter
		json.writeValue(response.getOutputStream(), problem);
	}

}
