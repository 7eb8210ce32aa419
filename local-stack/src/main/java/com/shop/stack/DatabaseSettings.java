package com.shop.stack;

import java.util.Map;

/**
 * The PostgreSQL server the services use: the embedded one on port 15432 by default, or
 * an existing server when {@code SHOP_DATABASE_URL} (a JDBC URL without a database name)
 * is set, with {@code SHOP_DATABASE_USERNAME} and {@code SHOP_DATABASE_PASSWORD}.
 */
record DatabaseSettings(String baseUrl, String username, String password, boolean embedded) {

	static final int EMBEDDED_PORT = 15432;

	static DatabaseSettings from(Map<String, String> env) {
		String url = env.get("SHOP_DATABASE_URL");
		if (url == null || url.isBlank()) {
			return new DatabaseSettings("jdbc:postgresql://localhost:" + EMBEDDED_PORT, "postgres", "postgres", true);
		}
		return new DatabaseSettings(url.strip(), env.getOrDefault("SHOP_DATABASE_USERNAME", "postgres"),
				env.getOrDefault("SHOP_DATABASE_PASSWORD", "postgres"), false);
	}

	/** The JDBC URL of one database on this server, keeping any query parameters. */
	String jdbcUrl(String database) {
		int query = this.baseUrl.indexOf('?');
		String server = (query < 0) ? this.baseUrl : this.baseUrl.substring(0, query);
		String parameters = (query < 0) ? "" : this.baseUrl.substring(query);
		while (server.endsWith("/")) {
			server = server.substring(0, server.length() - 1);
		}
		return server + "/" + database + parameters;
	}

}
