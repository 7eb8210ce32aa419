package com.shop.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailSinkTests {

	private MailSink sink;

	@BeforeEach
	void start() throws Exception {
		this.sink = MailSink.start(0, 0);
	}

	@AfterEach
	void stop() {
		this.sink.stop();
	}

	@Test
	void showsAMailSentOverSmtpOnTheViewerPage() throws Exception {
		send("ann@example.com", "Order 42 confirmed", "Thank you for your order.");

		HttpResponse<String> page = get(this.sink.viewerUrl());

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
		assertThat(page.body()).contains("ann@example.com", "Order 42 confirmed", "Thank you for your order.");
	}

	@Test
	void keepsOnlyTheNewestMailsAndCountsThemAll() throws Exception {
		int sent = MailSink.KEPT + 5;
		Session session = session();
		try (Transport transport = session.getTransport("smtp")) {
			transport.connect();
			for (int i = 0; i < sent; i++) {
				MimeMessage message = message(session, "bob@example.com", "Order " + i, "line one\n.leading dot\n");
				transport.sendMessage(message, message.getAllRecipients());
			}
		}

		assertThat(this.sink.received()).hasSize(MailSink.KEPT);
		assertThat(this.sink.received().get(0).subject()).isEqualTo("Order 5");
		assertThat(this.sink.received().get(MailSink.KEPT - 1).subject()).isEqualTo("Order " + (sent - 1));
		assertThat(this.sink.received().get(0).body()).contains(".leading dot");
		assertThat(get(this.sink.viewerUrl()).body()).contains("the newest " + MailSink.KEPT + " of " + sent);
	}

	@Test
	void answersNotFoundBesideThePage() throws Exception {
		assertThat(get(this.sink.viewerUrl() + "favicon.ico").statusCode()).isEqualTo(404);
	}

	private void send(String to, String subject, String text) throws Exception {
		Transport.send(message(session(), to, subject, text));
	}

	private Session session() {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "localhost");
		properties.put("mail.smtp.port", String.valueOf(this.sink.smtpPort()));
		return Session.getInstance(properties);
	}

	private static MimeMessage message(Session session, String to, String subject, String text) throws Exception {
		MimeMessage message = new MimeMessage(session);
		message.setFrom(new InternetAddress("orders@shop.example"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
		message.setSubject(subject);
		message.setText(text);
		return message;
	}

	private static HttpResponse<String> get(String url) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

}
