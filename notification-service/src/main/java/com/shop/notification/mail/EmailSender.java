package com.shop.notification.mail;

import java.util.Date;

import com.shop.events.Channel;
import com.shop.notification.NotificationSender;
import com.shop.notification.OrderNotice;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.MimeMailMessage;
import org.springframework.stereotype.Component;

/**
 * The e-mail channel: a plain-text mail to the customer through SMTP, over one kept
 * connection.
 */
@Component
class EmailSender implements NotificationSender {

	private final SmtpConnection smtp;

	private final MailTemplates templates;

	private final MailSettings settings;

	EmailSender(SmtpConnection smtp, MailTemplates templates, MailSettings settings) {
		this.smtp = smtp;
		this.templates = templates;
		this.settings = settings;
	}

	@Override
	public Channel channel() {
		return Channel.EMAIL;
	}

	@Override
	public String recipient(OrderNotice notice) {
		return notice.customerEmail();
	}

	/**
	 * @throws MailException when the SMTP server is unreachable or refuses the mail
	 */
	@Override
	public void send(OrderNotice notice) {
		MailTemplates.Mail content = this.templates.render(notice);
		MimeMessage message = this.smtp.createMessage();
		MimeMailMessage mail = new MimeMailMessage(message);
		mail.setFrom(this.settings.from());
		mail.setTo(recipient(notice));
		mail.setSubject(content.subject());
		mail.setText(content.body());
		try {
			// named, so that sending does not write the whole body once more just to
			// choose an encoding; quoted-printable suits any text
			message.setHeader("Content-Transfer-Encoding", "quoted-printable");
		}
		catch (MessagingException ex) {
			throw new MailPreparationException(ex);
		}
		mail.setSentDate(new Date());
		this.smtp.send(message);
	}

}
