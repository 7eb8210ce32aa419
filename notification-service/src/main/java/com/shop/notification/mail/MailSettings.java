package com.shop.notification.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * E-mail settings beyond the SMTP connection ({@code spring.mail.*}).
 *
 * @param from the sender address of every e-mail
 */
@ConfigurationProperties("shop.notification")
record MailSettings(@DefaultValue("orders@shop.example") String from) {
}
