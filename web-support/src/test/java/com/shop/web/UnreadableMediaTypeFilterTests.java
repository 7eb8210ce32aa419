package com.shop.web;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class UnreadableMediaTypeFilterTests {

	private final UnreadableMediaTypeFilter filter = new UnreadableMediaTypeFilter();

	private final AtomicReference<HttpServletRequest> passed = new AtomicReference<>();

	@Test
	void aContentTypeSpringCannotParseIsA415ProblemNotA500() throws Exception {
		// an opening quote makes Spring's parser throw StringIndexOutOfBoundsException
		for (String contentType : new String[] { "\"x/y", "\"\u07a4/\u0beb}", "no-slash" }) {
			MockHttpServletResponse response = send(request(contentType, null));
			assertThat(response.getStatus()).as(contentType).isEqualTo(415);
			assertThat(response.getContentType()).isEqualTo("application/problem+json");
			assertThat(response.getContentAsString()).contains("The Content-Type header is not a valid media type");
		}
		assertThat(this.passed.get()).as("a refused request reaches nothing").isNull();
	}

	@Test
	void aValidContentTypePassesAndAnUnreadableAcceptIsTreatedAsAbsent() throws Exception {
		MockHttpServletResponse response = send(request("application/json", "\"x/y"));
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(this.passed.get().getContentType()).isEqualTo("application/json");
		assertThat(this.passed.get().getHeader("Accept")).isNull();
		assertThat(this.passed.get().getHeaders("Accept").hasMoreElements()).isFalse();
	}

	private static HttpServletRequest request(String contentType, String accept) {
		MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/api/products/KB-001");
		if (accept != null) {
			request.addHeader("Accept", accept);
		}
		// as Tomcat passes it on: the raw header (the mock would parse it itself)
		return new HttpServletRequestWrapper(request) {
			@Override
			public String getContentType() {
				return contentType;
			}
		};
	}

	private MockHttpServletResponse send(HttpServletRequest request) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, (req, res) -> this.passed.set((HttpServletRequest) req));
		return response;
	}

}
