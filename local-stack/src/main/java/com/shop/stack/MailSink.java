package com.shop.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * An SMTP server (GreenMail) that accepts every e-mail the services send, plus a small
 * web page that lists them, so notifications are really sent somewhere visible. Mail is
 * kept in memory only.
 */
final class MailSink implements Component {

	static final int SMTP_PORT = 3025;

	static final int VIEWER_PORT = 8025;

	private final GreenMail greenMail;

	private final HttpServer viewer;

	private MailSink(GreenMail greenMail, HttpServer viewer) {
		this.greenMail = greenMail;
		this.viewer = viewer;
	}

	/** Starts on the given ports; 0 picks free ones. */
	static MailSink start(int smtpPort, int viewerPort) throws IOException {
		ServerSetup smtp = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
		GreenMail greenMail = new GreenMail((smtpPort == 0) ? smtp.dynamicPort() : smtp);
		greenMail.start();
		HttpServer viewer = HttpServer.create(new InetSocketAddress(viewerPort), 0);
		MailSink sink = new MailSink(greenMail, viewer);
		viewer.createContext("/", sink::show);
		viewer.start();
		return sink;
	}

	int smtpPort() {
		return this.greenMail.getSmtp().getPort();
	}

	int viewerPort() {
		return this.viewer.getAddress().getPort();
	}

	String viewerUrl() {
		return "http://localhost:" + viewerPort() + "/";
	}

	List<ReceivedMail> received() throws MessagingException, IOException {
		List<ReceivedMail> mails = new ArrayList<>();
		for (MimeMessage message : this.greenMail.getReceivedMessages()) {
			mails.add(ReceivedMail.of(message));
		}
		return mails;
	}

	private void show(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!"/".equals(exchange.getRequestURI().getPath())) {
				exchange.sendResponseHeaders(404, -1);
				return;
			}
			String page;
			try {
				page = MailPage.render(received());
			}
			catch (MessagingException ex) {
				page = "Cannot read the received mail: " + MailPage.escape(String.valueOf(ex.getMessage()));
			}
			byte[] body = page.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	@Override
	public String name() {
		return "mail sink";
	}

	@Override
	public String stop() {
		String stopped = "mail sink (SMTP :" + smtpPort() + ", viewer :" + viewerPort() + ") stopped";
		this.viewer.stop(0);
		this.greenMail.stop();
		return stopped;
	}

}
