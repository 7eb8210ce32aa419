package com.shop.web;

import java.util.regex.Pattern;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The log message with personal data and secrets masked: e-mail addresses keep their
 * first character and domain ({@code j***@example.com}), payment tokens and webhook
 * secrets keep only their prefix. Registered for {@code %m}, {@code %msg} and
 * {@code %message} by the shared {@code logback-spring.xml}, so every service's console
 * and file logs are masked whatever their pattern.
 */
public class MaskingMessageConverter extends MessageConverter {

	// starts only at the first character of a run, and never gives back what it took, so
	// a long run without an '@' costs one pass, not one pass per character
	private static final Pattern EMAIL = Pattern
		.compile("(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*+@([A-Za-z0-9.-]+)");

	private static final Pattern SECRET = Pattern.compile("\\b(tok|whsec)_[A-Za-z0-9+/=_-]+");

	@Override
	public String convert(ILoggingEvent event) {
		return mask(super.convert(event));
	}

	static String mask(String message) {
		String masked = message;
		if (masked != null && masked.indexOf('@') >= 0) {
			masked = EMAIL.matcher(masked).replaceAll("$1***@$2");
		}
		if (masked != null && masked.indexOf('_') >= 0) {
			masked = SECRET.matcher(masked).replaceAll("$1_***");
		}
		return masked;
	}

}
