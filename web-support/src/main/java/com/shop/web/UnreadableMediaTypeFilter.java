package com.shop.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Media type headers that cannot be parsed. A {@code Content-Type} is refused with a 415
 * problem before anything reads it: some malformed values (an opening quote, for one)
 * make Spring's parser throw an unexpected exception, which would be a 500. An
 * {@code Accept} is treated as absent (RFC 9110 lets a server disregard it); otherwise
 * Spring MVC could not even render the problem that explains the refusal, and the client
 * would get an empty answer. An Accept that is merely unsatisfiable still gets
 * problem+json: Spring falls back to it for problems.
 */
class UnreadableMediaTypeFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getContentType();
		if (contentType != null && !readable(contentType)) {
			ProblemResponses.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"The Content-Type header is not a valid media type");
			return;
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept != null && !readable(accept)) {
			request = new HttpServletRequestWrapper(request) {
				@Override
				public String getHeader(String name) {
					return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? null : super.getHeader(name);
				}

				@Override
				public Enumeration<String> getHeaders(String name) {
					return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.emptyEnumeration()
							: super.getHeaders(name);
				}
			};
		}
		chain.doFilter(request, response);
	}

	private static boolean readable(String mediaTypes) {
		try {
			MediaType.parseMediaTypes(mediaTypes);
			return true;
		}
		// not only InvalidMediaTypeException: "\"x/y" throws
		// StringIndexOutOfBoundsException
		catch (RuntimeException ex) {
			return false;
		}
	}

}
