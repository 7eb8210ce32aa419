package com.shop.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above a fixed size with 413 before anything reads them. Bodies
 * sent without a length (chunked) are refused with 411, so no body is ever unbounded.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

	private final long maxBytes;

	RequestBodyLimitFilter(long maxBytes) {
		this.maxBytes = maxBytes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		boolean chunked = request.getHeader("Transfer-Encoding") != null;
		if (length > this.maxBytes) {
			reject(response, HttpStatus.CONTENT_TOO_LARGE,
					"The request body has " + length + " bytes; at most " + this.maxBytes + " are accepted");
			return;
		}
		if (chunked && length < 0) {
			reject(response, HttpStatus.LENGTH_REQUIRED, "Send the request body with a Content-Length");
			return;
		}
		chain.doFilter(request, response);
	}

	private static void reject(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		ProblemResponses.write(response, status, detail);
	}

}
