package com.shop.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The operator credentials the tests give the services they start (services have no
 * default password), and the {@code Authorization} header that presents them.
 */
public final class TestAdmin {

	public static final String USER = "admin";

	public static final String PASSWORD = "test-admin-secret-0123456789";

	private TestAdmin() {
	}

	/** The value of an {@code Authorization} header with the admin's credentials. */
	public static String authorization() {
		return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

}
