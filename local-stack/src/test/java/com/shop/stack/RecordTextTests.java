package com.shop.stack;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecordTextTests {

	@Test
	void prettyPrintsJson() {
		assertThat(RecordText.value(utf8("{\"a\":1,\"b\":[true]}")))
			.isEqualTo("{\n  \"a\" : 1,\n  \"b\" : [ true ]\n}");
	}

	@Test
	void showsWhatIsNotJsonAsItIs() {
		assertThat(RecordText.value(utf8("{\"broken"))).isEqualTo("{\"broken");
	}

	@Test
	void cutsLongValuesAndSaysHowLongTheyWere() {
		String value = RecordText.value(utf8("x".repeat(5000)));

		assertThat(value).startsWith("x".repeat(2000) + "\n... (cut, 5000 characters in all)");
	}

	@Test
	void showsBytesThatAreNotUtf8AsHex() {
		assertThat(RecordText.value(new byte[] { (byte) 0xC3, 0x28 })).isEqualTo("(2 bytes, not UTF-8) c328");
	}

	@Test
	void putsMessagesOnOneLine() {
		assertThat(RecordText.oneLine("first\n\tsecond  third", 100)).isEqualTo("first second third");
		assertThat(RecordText.oneLine("abcdefghij", 8)).isEqualTo("abcde...");
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
