package com.shop.notification.mail;

import com.shop.events.Channel;
import com.shop.notification.NotificationSender;
import com.shop.notification.OrderNotice;

import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** The e-mail channel: a plain-text mail to the customer through SMTP. */
@Component
class EmailSender implements NotificationSender {

	private final JavaMailSender mail;

	private final MailTemplates templates;

	private final MailSettings settings;

	EmailSender(JavaMailSender mail, MailTemplates templates, MailSettings settings) {
		this.mail = mail;
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
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.settings.from());
		message.setTo(recipient(notice));
		message.setSubject(content.subject());
		message.setText(content.body());
		this.mail.send(message);
	}

}
