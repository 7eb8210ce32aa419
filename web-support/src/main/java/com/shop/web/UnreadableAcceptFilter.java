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
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Treats an {@code Accept} header that cannot be parsed as absent (RFC 9110 lets a server
 * disregard it). Otherwise Spring MVC could not even render the problem that explains the
 * refusal, and the client would get an empty answer. An Accept that is merely
 * unsatisfiable still gets problem+json: Spring falls back to it for problems.
 */
class UnreadableAcceptFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
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

	private static boolean readable(String accept) {
		try {
			MediaType.parseMediaTypes(accept);
			return true;
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
