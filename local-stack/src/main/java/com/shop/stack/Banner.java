package com.shop.stack;

import java.util.List;

/**
 * The summary printed once everything is up: where each part listens and what to try
 * first.
 */
final class Banner {

	private Banner() {
	}

	static String render(List<ServiceSpec> services, List<String> missing, DatabaseSettings database,
			String mailViewerUrl, String logDir, String adminLogin, String adminPasswordFile, String startup) {
		StringBuilder text = new StringBuilder("\n");
		line(text, "=".repeat(78));
		line(text, "  Shop local stack is up (started in " + startup + ")");
		line(text, "");
		for (ServiceSpec service : services) {
			line(text, String.format("  %-21s %s   (health: %s)", service.name(), service.url(), service.healthUrl()));
		}
		for (String name : missing) {
			line(text, String.format("  %-21s NOT STARTED: no jar, build it with ./stack up", name));
		}
		line(text, String.format("  %-21s %s   (SASL/SCRAM, ACLs per service)", "Kafka bootstrap",
				BrokerConfig.BOOTSTRAP));
		line(text, String.format("  %-21s %s   (./stack kafka|topics|tail|trace|dlt use it;", "Kafka admin login",
				adminLogin));
		line(text, String.format("  %-21s %s", "", "other clients: --command-config " + adminLogin + ")"));
		line(text, String.format("  %-21s %s   (user %s)", "PostgreSQL", database.jdbcUrl("<service>_service"),
				database.username()));
		line(text, String.format("  %-21s %s   (SMTP localhost:%d)", "Mail viewer", mailViewerUrl, MailSink.SMTP_PORT));
		line(text, String.format("  %-21s %s", "Logs", logDir));
		line(text,
				String.format("  %-21s %s   (place an order, watch it live)", "Store page", "http://localhost:8083/"));
		line(text, String.format("  %-21s user %s, password in %s", "Admin (HTTP Basic)", StackSecrets.ADMIN_USER,
				adminPasswordFile));
		line(text, String.format("  %-21s %s", "", "for product upsert/restock, webhooks, actuator beyond health"));
		line(text, String.format("  %-21s %s", "Webhook targets",
				"loopback allowed in this stack (" + ServiceSpec.LOOPBACK_WEBHOOKS + "); never in production"));
		line(text, "");
		line(text, "  Try:");
		line(text, "    curl -s localhost:8081/api/products");
		line(text,
				"    curl -s -u admin:$(cat " + adminPasswordFile + ") localhost:8081/api/products/KB-001/restock \\");
		line(text, "      -H 'Content-Type: application/json' -d '{\"quantity\":5}'");
		line(text, "    curl -si localhost:8080/api/orders -H 'Content-Type: application/json' \\");
		line(text, "      -d '{\"customerId\":\"c-1\",\"customerEmail\":\"ann@example.com\","
				+ "\"items\":[{\"sku\":\"KB-001\",\"quantity\":1}],\"paymentMethod\":\"tok_visa\"}'");
		line(text, "    ./stack kafka topics --list");
		line(text, "    ./stack kafka console-consumer --topic orders --from-beginning \\");
		line(text, "      --property print.key=true --property print.headers=true");
		line(text, "    ./stack kafka consumer-groups --describe --all-groups");
		line(text, "    ./stack topics                        (records and consumer lag per topic)");
		line(text, "    ./stack trace <orderId>               (one order's events on every topic)");
		line(text, "    ./stack dlt list                      (records that failed, and why)");
		line(text, "");
		line(text, "  Ctrl-C stops everything; data stays in .stack/ (rm -rf .stack to reset).");
		line(text, "=".repeat(78));
		return text.toString();
	}

	private static void line(StringBuilder text, String line) {
		text.append(line).append('\n');
	}

}
