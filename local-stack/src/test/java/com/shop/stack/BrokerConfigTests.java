package com.shop.stack;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class BrokerConfigTests {

	@TempDir
	static Path secrets;

	private static KafkaUsers users;

	@BeforeAll
	static void users() throws IOException {
		users = KafkaUsers.loadOrCreate(secrets.resolve("kafka-users.properties"), List.of("order-service"));
	}

	@Test
	void runsBrokerAndControllerInOneNodeWithReplicationFactorOne() throws IOException {
		Properties config = parse(BrokerConfig.render(Path.of("data/kafka"), users));

		assertThat(config).containsEntry("process.roles", "broker,controller")
			.containsEntry("controller.quorum.voters", "1@127.0.0.1:9093")
			.containsEntry("listeners", "CLIENT://localhost:9092,CONTROLLER://127.0.0.1:9093")
			.containsEntry("advertised.listeners", "CLIENT://localhost:9092")
			.containsEntry("num.partitions", "3")
			.containsEntry("offsets.topic.replication.factor", "1")
			.containsEntry("transaction.state.log.replication.factor", "1")
			.containsEntry("share.coordinator.state.topic.replication.factor", "1")
			.containsEntry("group.initial.rebalance.delay.ms", "0");
	}

	@Test
	void keepsItsLogsInAnAbsoluteDirectory() throws IOException {
		Properties config = parse(BrokerConfig.render(Path.of("data/kafka"), users));

		assertThat(Path.of(config.getProperty("log.dirs"))).isAbsolute().endsWithRaw(Path.of("data/kafka"));
	}

	@Test
	void letsOnlyLoggedInClientsInAndAuthorizesEveryRequest() throws IOException {
		Properties config = parse(BrokerConfig.render(Path.of("data/kafka"), users));

		assertThat(config)
			.containsEntry("listener.security.protocol.map", "CONTROLLER:SASL_PLAINTEXT,CLIENT:SASL_PLAINTEXT")
			.containsEntry("listener.name.client.sasl.enabled.mechanisms", "SCRAM-SHA-512")
			.containsEntry("listener.name.controller.sasl.enabled.mechanisms", "PLAIN")
			.containsEntry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
			.containsEntry("allow.everyone.if.no.acl.found", "false")
			.containsEntry("auto.create.topics.enable", "false")
			.containsEntry("super.users", "User:admin;User:controller");
		assertThat(config.getProperty("listener.name.controller.plain.sasl.jaas.config"))
			.contains("username=\"controller\"", "user_controller=\"" + users.password("controller") + "\"");
	}

	private static Properties parse(String text) throws IOException {
		Properties properties = new Properties();
		properties.load(new StringReader(text));
		return properties;
	}

}
