package com.shop.stack;

import java.nio.file.Path;

/**
 * The {@code server.properties} of the single-node KRaft broker: broker and controller in
 * one process, replication factor 1 for the internal topics (there is one node), and no
 * initial rebalance delay so consumers start at once.
 * <p>
 * Clients log in with SASL/SCRAM on {@value #PORT} and the {@code StandardAuthorizer}
 * allows only what an ACL grants ({@link BrokerAcls}); {@code admin} is a super user. The
 * controller listener, on the loopback address only, takes SASL/PLAIN with one static
 * user, {@code controller}: SCRAM cannot work there (its credentials live in the metadata
 * that the controller serves), and a PLAINTEXT controller listener would make every local
 * process that connects to it an anonymous super user, able to grant itself anything.
 * Topics are created only by their writers, never automatically: a consumer that starts
 * before the writer created its topic waits for it instead of being refused (it may not
 * create it) or creating it with the wrong settings.
 */
final class BrokerConfig {

	static final int PORT = 9092;

	static final int CONTROLLER_PORT = 9093;

	static final String BOOTSTRAP = "localhost:" + PORT;

	private BrokerConfig() {
	}

	static String render(Path logDir, KafkaUsers users) {
		String controllerPassword = users.password(KafkaUsers.CONTROLLER);
		return String.join("\n", "process.roles=broker,controller", "node.id=1",
				"controller.quorum.voters=1@127.0.0.1:" + CONTROLLER_PORT,
				"listeners=CLIENT://localhost:" + PORT + ",CONTROLLER://127.0.0.1:" + CONTROLLER_PORT,
				"advertised.listeners=CLIENT://" + BOOTSTRAP, "controller.listener.names=CONTROLLER",
				"inter.broker.listener.name=CLIENT",
				"listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,CLIENT:SASL_PLAINTEXT",
				"listener.name.client.sasl.enabled.mechanisms=" + KafkaUsers.MECHANISM,
				"sasl.mechanism.inter.broker.protocol=" + KafkaUsers.MECHANISM,
				"listener.name.client.scram-sha-512.sasl.jaas.config="
						+ KafkaUsers.scramLogin(KafkaUsers.ADMIN, users.password(KafkaUsers.ADMIN)),
				"listener.name.controller.sasl.enabled.mechanisms=PLAIN", "sasl.mechanism.controller.protocol=PLAIN",
				"listener.name.controller.plain.sasl.jaas.config="
						+ KafkaUsers.plainLogin(KafkaUsers.CONTROLLER, controllerPassword) + " user_"
						+ KafkaUsers.CONTROLLER + "=\"" + controllerPassword + "\";",
				"authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
				"allow.everyone.if.no.acl.found=false", "auto.create.topics.enable=false",
				"super.users=User:" + KafkaUsers.ADMIN + ";User:" + KafkaUsers.CONTROLLER,
				"log.dirs=" + logDir.toAbsolutePath(), "num.partitions=3", "default.replication.factor=1",
				"offsets.topic.replication.factor=1", "transaction.state.log.replication.factor=1",
				"transaction.state.log.min.isr=1", "share.coordinator.state.topic.replication.factor=1",
				"share.coordinator.state.topic.min.isr=1", "group.initial.rebalance.delay.ms=0", "");
	}

}
