package com.shop.stack;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The mail viewer's single HTML page: the newest e-mails received, newest first,
 * refreshed every 5 s.
 */
final class MailPage {

	private MailPage() {
	}

	/** Renders mails given in the order they arrived, of {@code total} received. */
	static String render(List<ReceivedMail> mails, long total) {
		List<ReceivedMail> newestFirst = new ArrayList<>(mails);
		Collections.reverse(newestFirst);
		StringBuilder html = new StringBuilder("""
				<!DOCTYPE html>
				<html><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
				<title>Shop mail</title>
				<style>body{font-family:sans-serif;margin:2em}td,th{border-bottom:1px solid #ccc;padding:.4em;\
				vertical-align:top;text-align:left}pre{margin:0;white-space:pre-wrap}</style></head><body>
				""");
		html.append("<h1>Mail received on localhost:")
			.append(MailSink.SMTP_PORT)
			.append(" (")
			.append((total > mails.size()) ? "the newest " + mails.size() + " of " + total : mails.size())
			.append(")</h1>\n");
		if (mails.isEmpty()) {
			html.append("<p>No mail yet. This page refreshes itself.</p>\n");
		}
		else {
			html.append("<table><tr><th>Time (UTC)</th><th>To</th><th>Subject</th><th>Body</th></tr>\n");
			newestFirst.forEach((mail) -> row(html, mail));
			html.append("</table>\n");
		}
		return html.append("</body></html>\n").toString();
	}

	private static void row(StringBuilder html, ReceivedMail mail) {
		String time = (mail.sentAt() != null)
				? DateTimeFormatter.ISO_INSTANT.format(mail.sentAt().truncatedTo(ChronoUnit.SECONDS)) : "";
		html.append("<tr><td>")
			.append(escape(time))
			.append("</td><td>")
			.append(escape(mail.to()))
			.append("</td><td>")
			.append(escape(mail.subject()))
			.append("</td><td><pre>")
			.append(escape(mail.body()))
			.append("</pre></td></tr>\n");
	}

	static String escape(String text) {
		return text.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&#39;");
	}

}
