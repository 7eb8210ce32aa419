package com.shop.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The operator's HTTP password of the local stack (user {@code admin}): generated on the
 * first start, kept in {@code .stack/secrets/admin-password} (owner only), and given to
 * every service as {@code SHOP_SECURITY_ADMIN_PASSWORD}. Delete the file and restart to
 * rotate it.
 */
final class AdminPassword {

	static final String USER = "admin";

	private AdminPassword() {
	}

	static String loadOrCreate(Path file) throws IOException {
		if (Files.exists(file)) {
			return Files.readString(file).trim();
		}
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Files.createDirectories(file.getParent());
		Files.writeString(file, password + "\n");
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: the directory's own protection has to do
		}
		return password;
	}

}
