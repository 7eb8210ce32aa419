package com.shop.web;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.http.HttpStatus;

/**
 * Tomcat's error report for what never reaches Spring (a request line or header Tomcat
 * cannot parse, a header too large, an error sent before the dispatcher): problem+json
 * like every other refusal instead of Tomcat's HTML page, and without the server's
 * version or a stack trace.
 */
public class ProblemReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		HttpStatus known = HttpStatus.resolve(status);
		String detail = (status >= 500) ? "The server could not process the request"
				: "The request could not be processed: it is malformed or too large";
		try {
			response.resetBuffer();
			ProblemResponses.write(response, (known != null) ? known : HttpStatus.BAD_REQUEST, detail);
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response already committed; nothing more to tell
		}
	}

}
