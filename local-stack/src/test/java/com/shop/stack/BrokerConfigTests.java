package com.shop.stack;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BrokerConfigTests {

	@Test
	void runsBrokerAndControllerInOneNodeWithReplicationFactorOne() throws IOException {
		Properties config = parse(BrokerConfig.render(Path.of("data/kafka")));

		assertThat(config).containsEntry("process.roles", "broker,controller")
			.containsEntry("controller.quorum.voters", "1@localhost:9093")
			.containsEntry("listeners", "PLAINTEXT://localhost:9092,CONTROLLER://localhost:9093")
			.containsEntry("advertised.listeners", "PLAINTEXT://localhost:9092")
			.containsEntry("num.partitions", "3")
			.containsEntry("offsets.topic.replication.factor", "1")
			.containsEntry("transaction.state.log.replication.factor", "1")
			.containsEntry("share.coordinator.state.topic.replication.factor", "1")
			.containsEntry("group.initial.rebalance.delay.ms", "0");
	}

	@Test
	void keepsItsLogsInAnAbsoluteDirectory() throws IOException {
		Properties config = parse(BrokerConfig.render(Path.of("data/kafka")));

		assertThat(Path.of(config.getProperty("log.dirs"))).isAbsolute().endsWithRaw(Path.of("data/kafka"));
	}

	private static Properties parse(String text) throws IOException {
		Properties properties = new Properties();
		properties.load(new StringReader(text));
		return properties;
	}

}
