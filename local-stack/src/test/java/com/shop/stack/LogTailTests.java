package com.shop.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LogTailTests {

	@TempDir
	Path dir;

	@Test
	void keepsTheLastLines() throws Exception {
		Path log = this.dir.resolve("service.log");
		Files.writeString(log,
				IntStream.rangeClosed(1, 100).mapToObj((i) -> "line " + i).collect(Collectors.joining("\n")));

		assertThat(LogTail.of(log, 3)).containsExactly("line 98", "line 99", "line 100");
	}

	@Test
	void isEmptyForALogThatDoesNotExist() {
		assertThat(LogTail.of(this.dir.resolve("missing.log"), 30)).isEmpty();
	}

	@Test
	void indentsTheLinesUnderATitle() throws Exception {
		Path log = this.dir.resolve("kafka.log");
		Files.writeString(log, "boom\n");

		assertThat(LogTail.format("Kafka failed", log, 30)).isEqualTo("Kafka failed\n  | boom\n");
	}

}
