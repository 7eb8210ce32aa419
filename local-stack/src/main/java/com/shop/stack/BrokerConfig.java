package com.shop.stack;

import java.nio.file.Path;

/**
 * The {@code server.properties} of the single-node KRaft broker: broker and controller in
 * one process, replication factor 1 for the internal topics (there is one node), and no
 * initial rebalance delay so consumers start at once.
 */
final class BrokerConfig {

	static final int PORT = 9092;

	static final int CONTROLLER_PORT = 9093;

	static final String BOOTSTRAP = "localhost:" + PORT;

	private BrokerConfig() {
	}

	static String render(Path logDir) {
		return String.join("\n", "process.roles=broker,controller", "node.id=1",
				"controller.quorum.voters=1@localhost:" + CONTROLLER_PORT,
				"listeners=PLAINTEXT://localhost:" + PORT + ",CONTROLLER://localhost:" + CONTROLLER_PORT,
				"advertised.listeners=PLAINTEXT://" + BOOTSTRAP, "controller.listener.names=CONTROLLER",
				"inter.broker.listener.name=PLAINTEXT",
				"listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
				"log.dirs=" + logDir.toAbsolutePath(), "num.partitions=3", "default.replication.factor=1",
				"offsets.topic.replication.factor=1", "transaction.state.log.replication.factor=1",
				"transaction.state.log.min.isr=1", "share.coordinator.state.topic.replication.factor=1",
				"share.coordinator.state.topic.min.isr=1", "group.initial.rebalance.delay.ms=0", "");
	}

}
