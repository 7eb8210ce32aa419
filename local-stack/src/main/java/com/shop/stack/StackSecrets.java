package com.shop.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The stack's own HTTP-side secrets, generated at random on the first start and kept in
 * {@code .stack/secrets/} (owner only): the operator's password (user {@code admin},
 * given to every service as {@code SHOP_SECURITY_ADMIN_PASSWORD}) and the key that
 * encrypts webhook secrets at rest ({@code SHOP_WEBHOOKS_SECRET_KEY}). Delete a file and
 * restart to get a new one (a new webhook key makes the stored webhook secrets
 * unreadable).
 */
final class StackSecrets {

	static final String ADMIN_USER = "admin";

	private StackSecrets() {
	}

	/** The base64 of {@code bytes} random bytes kept in the file, created if missing. */
	static String loadOrCreate(Path file, int bytes) throws IOException {
		if (Files.exists(file)) {
			return Files.readString(file).trim();
		}
		byte[] random = new byte[bytes];
		new SecureRandom().nextBytes(random);
		String secret = Base64.getEncoder().encodeToString(random);
		Files.createDirectories(file.getParent());
		Files.writeString(file, secret + "\n");
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: the directory's own protection has to do
		}
		return secret;
	}

}
