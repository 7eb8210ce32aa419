package com.shop.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ClassDataSharingTests {

	private static final List<String> OPTIONS = List.of("-Xmx256m");

	@TempDir
	Path dir;

	@Test
	void keepsTheArchiveWhenAJarIsRebuiltWithTheSameContent() throws IOException {
		Path first = jar("first.jar", "class A", 1_000_000L);
		Path rebuilt = jar("rebuilt.jar", "class A", 2_000_000L);

		assertThat(ClassDataSharing.key(rebuilt, OPTIONS)).isEqualTo(ClassDataSharing.key(first, OPTIONS));
	}

	@Test
	void startsOverWhenTheJarContentChanges() throws IOException {
		Path before = jar("before.jar", "class A", 1_000_000L);
		Path after = jar("after.jar", "class A, changed", 1_000_000L);

		assertThat(ClassDataSharing.key(after, OPTIONS)).isNotEqualTo(ClassDataSharing.key(before, OPTIONS));
	}

	@Test
	void startsOverWhenTheJavaOptionsChange() throws IOException {
		Path jar = jar("app.jar", "class A", 1_000_000L);

		assertThat(ClassDataSharing.key(jar, List.of("-Xmx512m"))).isNotEqualTo(ClassDataSharing.key(jar, OPTIONS));
	}

	@Test
	void tellsWhetherAServiceWritesItsArchiveAtExit() {
		assertThat(ClassDataSharing.writesArchive(List.of("-XX:ArchiveClassesAtExit=a.jsa", "-jar", "a.jar"))).isTrue();
		assertThat(ClassDataSharing.writesArchive(List.of("-XX:SharedArchiveFile=a.jsa", "-jar", "a.jar"))).isFalse();
	}

	@Test
	void isOnUnlessTurnedOff() {
		assertThat(ClassDataSharing.enabled(Map.of())).isTrue();
		assertThat(ClassDataSharing.enabled(Map.of("STACK_CDS", "off"))).isFalse();
	}

	private Path jar(String name, String content, long time) throws IOException {
		Path jar = this.dir.resolve(name);
		try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
			ZipEntry entry = new ZipEntry("com/shop/A.class");
			entry.setLastModifiedTime(FileTime.fromMillis(time));
			zip.putNextEntry(entry);
			zip.write(content.getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return jar;
	}

}
