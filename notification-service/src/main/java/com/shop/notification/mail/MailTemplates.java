package com.shop.notification.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.shop.events.CancellationReason;
import com.shop.events.OrderLine;
import com.shop.notification.NotificationTemplate;
import com.shop.notification.OrderNotice;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The plain-text e-mails, one resource per template ({@code mail/<template>.txt}: a
 * {@code Subject:} line, a blank line, the body), with {@code {name}} placeholders filled
 * from the notice. All templates are read at start, so a missing one stops the service
 * rather than a mail.
 */
@Component
class MailTemplates {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final Map<NotificationTemplate, String> templates = new EnumMap<>(NotificationTemplate.class);

	MailTemplates() {
		for (NotificationTemplate template : NotificationTemplate.values()) {
			this.templates.put(template, load(template));
		}
	}

	/** A rendered e-mail. */
	record Mail(String subject, String body) {
	}

	Mail render(OrderNotice notice) {
		// an empty placeholder on a line of its own would leave a gap
		String text = fill(this.templates.get(notice.template()), variables(notice)).replaceAll("\n{3,}", "\n\n");
		int endOfSubject = text.indexOf('\n');
		return new Mail(text.substring("Subject:".length(), endOfSubject).trim(),
				text.substring(endOfSubject + 1).strip() + "\n");
	}

	private static Map<String, String> variables(OrderNotice notice) {
		return Map.of("orderId", notice.orderId().toString(), "placedAt", DATE_TIME.format(notice.placedAt()), "total",
				notice.total().toString(), "items", items(notice), "reason", reason(notice.reason()), "detail",
				(notice.detail() != null) ? notice.detail() : "");
	}

	private static String items(OrderNotice notice) {
		return notice.items().stream().map(MailTemplates::line).collect(Collectors.joining("\n"));
	}

	private static String line(OrderLine line) {
		return String.format("  %3d x %-20s at %s = %s", line.quantity(), line.sku(), line.unitPrice(),
				line.unitPrice().times(line.quantity()));
	}

	private static String reason(CancellationReason reason) {
		if (reason == null) {
			return "";
		}
		return switch (reason) {
			case OUT_OF_STOCK -> "some items are out of stock";
			case UNKNOWN_PRODUCT -> "some items are no longer sold";
			case PAYMENT_DECLINED -> "the payment was declined";
			case TIMEOUT -> "it could not be completed in time";
			case CUSTOMER_REQUEST -> "you asked us to cancel it";
		};
	}

	private static String fill(String template, Map<String, String> variables) {
		Matcher matcher = PLACEHOLDER.matcher(template);
		StringBuilder text = new StringBuilder();
		while (matcher.find()) {
			String value = variables.get(matcher.group(1));
			if (value == null) {
				throw new IllegalStateException("Unknown placeholder " + matcher.group());
			}
			matcher.appendReplacement(text, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(text);
		return text.toString();
	}

	private static String load(NotificationTemplate template) {
		ClassPathResource resource = new ClassPathResource("mail/" + template.id() + ".txt");
		try {
			String text = resource.getContentAsString(StandardCharsets.UTF_8).replace("\r\n", "\n");
			if (!text.startsWith("Subject:") || text.indexOf('\n') < 0) {
				throw new IllegalStateException(resource + " must start with a Subject: line");
			}
			return text;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the mail template " + resource, ex);
		}
	}

}
