package com.shop.stack;

import java.io.IOException;
import java.time.Instant;
import java.util.Date;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** What the mail viewer shows of one e-mail: when, to whom, the subject and the text. */
record ReceivedMail(Instant sentAt, String to, String subject, String body) {

	static ReceivedMail of(MimeMessage message) throws MessagingException, IOException {
		Date sent = message.getSentDate();
		return new ReceivedMail((sent != null) ? sent.toInstant() : null, recipients(message),
				(message.getSubject() != null) ? message.getSubject() : "", text(message));
	}

	private static String recipients(MimeMessage message) throws MessagingException {
		Address[] all = message.getAllRecipients();
		if (all == null) {
			return "";
		}
		StringBuilder text = new StringBuilder();
		for (Address address : all) {
			text.append((text.length() > 0) ? ", " : "").append(address);
		}
		return text.toString();
	}

	/** The plain text of a part: text/plain preferred, HTML reduced to its text. */
	static String text(Part part) throws MessagingException, IOException {
		if (part.isMimeType("text/plain")) {
			return String.valueOf(part.getContent());
		}
		if (part.isMimeType("text/html")) {
			return String.valueOf(part.getContent())
				.replaceAll("(?s)<(style|script)[^>]*>.*?</\\1>", "")
				.replaceAll("<[^>]+>", "")
				.replaceAll("\n\\s*\n\\s*\n+", "\n\n")
				.strip();
		}
		if (part.isMimeType("multipart/*")) {
			return firstText((Multipart) part.getContent());
		}
		return "(" + part.getContentType() + ")";
	}

	private static String firstText(Multipart multipart) throws MessagingException, IOException {
		String html = null;
		for (int i = 0; i < multipart.getCount(); i++) {
			Part child = multipart.getBodyPart(i);
			if (child.isMimeType("text/plain")) {
				return text(child);
			}
			if (html == null && (child.isMimeType("text/html") || child.isMimeType("multipart/*"))) {
				html = text(child);
			}
		}
		return (html != null) ? html : "";
	}

}
