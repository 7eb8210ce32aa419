package com.shop.stack;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailPageTests {

	@Test
	void listsTheNewestMailFirst() {
		String page = MailPage.render(List.of(mail("First order", "body one"), mail("Second order", "body two")), 2);

		assertThat(page).contains("(2)");
		assertThat(page.indexOf("Second order")).isLessThan(page.indexOf("First order"));
	}

	@Test
	void saysHowManyArrivedWhenItShowsOnlyTheNewest() {
		String page = MailPage.render(List.of(mail("Latest order", "body")), 5000);
		assertThat(page).contains("(the newest 1 of 5000)");
	}

	@Test
	void showsTimeRecipientSubjectAndBody() {
		String page = MailPage.render(List.of(mail("Your order is confirmed", "Thanks!")), 1);

		assertThat(page).contains("2026-01-02T03:04:05Z", "ann@example.com", "Your order is confirmed", "Thanks!");
	}

	@Test
	void escapesWhatTheMailContains() {
		String page = MailPage.render(List.of(mail("<script>alert(1)</script>", "a & b")), 1);

		assertThat(page).doesNotContain("<script>").contains("&lt;script&gt;", "a &amp; b");
	}

	@Test
	void saysSoWhenNoMailArrivedYet() {
		assertThat(MailPage.render(List.of(), 0)).contains("No mail yet");
	}

	private static ReceivedMail mail(String subject, String body) {
		return new ReceivedMail(Instant.parse("2026-01-02T03:04:05.678Z"), "ann@example.com", subject, body);
	}

}
