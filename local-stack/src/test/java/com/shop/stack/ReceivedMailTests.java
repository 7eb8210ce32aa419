package com.shop.stack;

import java.time.Instant;
import java.util.Date;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReceivedMailTests {

	private final MimeMessage message = new MimeMessage((Session) null);

	@Test
	void readsTheHeadersAndThePlainText() throws Exception {
		this.message.setRecipient(Message.RecipientType.TO, new InternetAddress("ann@example.com"));
		this.message.setSubject("Order confirmed");
		this.message.setSentDate(Date.from(Instant.parse("2026-01-02T03:04:05Z")));
		this.message.setText("Your order is confirmed.");
		this.message.saveChanges();

		ReceivedMail mail = ReceivedMail.of(this.message);

		assertThat(mail).isEqualTo(new ReceivedMail(Instant.parse("2026-01-02T03:04:05Z"), "ann@example.com",
				"Order confirmed", "Your order is confirmed."));
	}

	@Test
	void prefersThePlainTextOfAMultipartMail() throws Exception {
		MimeMultipart alternative = new MimeMultipart("alternative");
		alternative.addBodyPart(part("<p>Hello <b>Ann</b></p>", "text/html; charset=utf-8"));
		alternative.addBodyPart(part("Hello Ann", "text/plain; charset=utf-8"));
		this.message.setContent(alternative);
		this.message.saveChanges();

		assertThat(ReceivedMail.of(this.message).body()).isEqualTo("Hello Ann");
	}

	@Test
	void reducesAnHtmlOnlyMailToItsText() throws Exception {
		this.message.setContent("<html><style>p{color:red}</style><p>Hello <b>Ann</b></p></html>",
				"text/html; charset=utf-8");
		this.message.saveChanges();

		assertThat(ReceivedMail.of(this.message).body()).isEqualTo("Hello Ann");
	}

	private static MimeBodyPart part(String content, String type) throws Exception {
		MimeBodyPart part = new MimeBodyPart();
		part.setContent(content, type);
		return part;
	}

}
