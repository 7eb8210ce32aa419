package com.shop.notification.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * One SMTP connection, opened for the first mail and kept for the next ones: a connection
 * per mail costs a TCP handshake, the greeting, {@code EHLO} and {@code QUIT}, on both
 * sides. Before each mail a {@code NOOP} checks the connection; one the server closed
 * meanwhile is opened again, and any failure closes it, so the retried mail starts
 * afresh. Mails go one at a time. The server, port, credentials and {@code mail.smtp.*}
 * properties are Spring Boot's ({@code spring.mail.*}).
 */
@Component
class SmtpConnection implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SmtpConnection.class);

	private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	static {
		// Jakarta Mail finds its StreamProvider with a ServiceLoader, a scan of the class
		// path, for every message it writes; named, it is only instantiated
		if (System.getProperty(STREAM_PROVIDER) == null) {
			System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
		}
	}

	private final JavaMailSenderImpl mail;

	private Transport transport;

	SmtpConnection(JavaMailSenderImpl mail) {
		this.mail = mail;
	}

	MimeMessage createMessage() {
		return this.mail.createMimeMessage();
	}

	/**
	 * @throws MailSendException when the server is unreachable or refuses the mail
	 */
	synchronized void send(MimeMessage message) {
		try {
			if (this.transport == null || !this.transport.isConnected()) {
				close();
				this.transport = this.mail.getSession().getTransport(this.mail.getProtocol());
				this.transport.connect(this.mail.getHost(), this.mail.getPort(), orNull(this.mail.getUsername()),
						orNull(this.mail.getPassword()));
			}
			message.saveChanges();
			this.transport.sendMessage(message, message.getAllRecipients());
		}
		catch (MessagingException ex) {
			close();
			throw new MailSendException("The SMTP server did not take the mail: " + ex.getMessage(), ex);
		}
	}

	/** An empty user name or password means none, as for Spring's own mail sender. */
	private static String orNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	@Override
	public synchronized void destroy() {
		close();
	}

	private void close() {
		if (this.transport == null) {
			return;
		}
		try {
			this.transport.close();
		}
		catch (MessagingException ex) {
			log.debug("Closing the SMTP connection failed: {}", ex.toString());
		}
		this.transport = null;
	}

}
