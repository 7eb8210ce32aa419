package com.shop.stack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * An SMTP server ({@link SmtpSink}) that accepts every e-mail the services send, plus a
 * small web page that lists the newest {@value #KEPT}, so notifications are really sent
 * somewhere visible. Mail is kept in memory only; a mail is read (MIME) only when the
 * page shows it.
 */
final class MailSink implements Component {

	static final int SMTP_PORT = 3025;

	static final int VIEWER_PORT = 8025;

	static final int KEPT = 200;

	private static final Session SESSION = Session.getInstance(new Properties());

	private final SmtpSink smtp;

	private final HttpServer viewer;

	private MailSink(SmtpSink smtp, HttpServer viewer) {
		this.smtp = smtp;
		this.viewer = viewer;
	}

	/** Starts on the given ports; 0 picks free ones. */
	static MailSink start(int smtpPort, int viewerPort) throws IOException {
		SmtpSink smtp = SmtpSink.start(smtpPort, KEPT);
		HttpServer viewer = HttpServer.create(new InetSocketAddress(viewerPort), 0);
		MailSink sink = new MailSink(smtp, viewer);
		viewer.createContext("/", sink::show);
		viewer.start();
		return sink;
	}

	int smtpPort() {
		return this.smtp.port();
	}

	int viewerPort() {
		return this.viewer.getAddress().getPort();
	}

	String viewerUrl() {
		return "http://localhost:" + viewerPort() + "/";
	}

	/** The newest mails, oldest first. */
	List<ReceivedMail> received() throws MessagingException, IOException {
		List<ReceivedMail> mails = new ArrayList<>();
		for (byte[] raw : this.smtp.mails()) {
			mails.add(ReceivedMail.of(new MimeMessage(SESSION, new ByteArrayInputStream(raw))));
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
				page = MailPage.render(received(), this.smtp.received());
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
		this.smtp.close();
		return stopped;
	}

}
