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
	void answersNotFoundBesideThePage() throws Exception {
		assertThat(get(this.sink.viewerUrl() + "favicon.ico").statusCode()).isEqualTo(404);
	}

	private void send(String to, String subject, String text) throws Exception {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "localhost");
		properties.put("mail.smtp.port", String.valueOf(this.sink.smtpPort()));
		MimeMessage message = new MimeMessage(Session.getInstance(properties));
		message.setFrom(new InternetAddress("orders@shop.example"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
		message.setSubject(subject);
		message.setText(text);
		Transport.send(message);
	}

	private static HttpResponse<String> get(String url) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

}
