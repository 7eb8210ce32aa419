package com.shop.stack;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailPageTests {

	@Test
	void listsTheNewestMailFirst() {
		String page = MailPage.render(List.of(mail("First order", "body one"), mail("Second order", "body two")));

		assertThat(page).contains("(2)");
		assertThat(page.indexOf("Second order")).isLessThan(page.indexOf("First order"));
	}

	@Test
	void showsTimeRecipientSubjectAndBody() {
		String page = MailPage.render(List.of(mail("Your order is confirmed", "Thanks!")));

		assertThat(page).contains("2026-01-02T03:04:05Z", "ann@example.com", "Your order is confirmed", "Thanks!");
	}

	@Test
	void escapesWhatTheMailContains() {
		String page = MailPage.render(List.of(mail("<script>alert(1)</script>", "a & b")));

		assertThat(page).doesNotContain("<script>").contains("&lt;script&gt;", "a &amp; b");
	}

	@Test
	void saysSoWhenNoMailArrivedYet() {
		assertThat(MailPage.render(List.of())).contains("No mail yet");
	}

	private static ReceivedMail mail(String subject, String body) {
		return new ReceivedMail(Instant.parse("2026-01-02T03:04:05.678Z"), "ann@example.com", subject, body);
	}

}
