package com.shop.stack;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;

/**
 * A connection to a broker for the commands that inspect it ({@code ./stack dlt},
 * {@code topics}, {@code tail}, {@code trace}): an admin client, the settings for their
 * consumers and producers, and every failure turned into one message a developer at the
 * terminal can act on.
 */
final class BrokerConnection implements AutoCloseable {

	private static final String CLIENT_ID = "stack-inspect";

	private final String bootstrapServers;

	private final Duration timeout;

	private final Admin admin;

	private final Map<String, String> login;

	private BrokerConnection(String bootstrapServers, Duration timeout, Map<String, String> login, Admin admin) {
		this.bootstrapServers = bootstrapServers;
		this.timeout = timeout;
		this.login = login;
		this.admin = admin;
	}

	/**
	 * Connects as the stack's admin ({@link AdminLogin}), failing within about
	 * {@code timeout} when no broker answers.
	 */
	static BrokerConnection connect(String bootstrapServers, Duration timeout) throws BrokerException {
		return connect(bootstrapServers, timeout, AdminLogin.settings());
	}

	/** Connects with these SASL settings (none for a broker without authentication). */
	static BrokerConnection connect(String bootstrapServers, Duration timeout, Map<String, String> login)
			throws BrokerException {
		Admin admin;
		Map<String, Object> config = new HashMap<>(login);
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(AdminClientConfig.CLIENT_ID_CONFIG, CLIENT_ID);
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
		try {
			admin = Admin.create(config);
		}
		catch (KafkaException ex) {
			// an address that does not resolve fails here already
			throw new BrokerException("Cannot use Kafka at " + bootstrapServers + ": "
					+ ((ex.getCause() != null) ? ex.getCause().getMessage() : ex.getMessage()));
		}
		BrokerConnection connection = new BrokerConnection(bootstrapServers, timeout, Map.copyOf(login), admin);
		try {
			connection.answer(admin.describeCluster().nodes());
			return connection;
		}
		catch (BrokerException ex) {
			connection.close();
			throw ex;
		}
	}

	/**
	 * The names of all topics but the broker's internal ones ({@code __consumer_offsets}
	 * ...), sorted.
	 */
	List<String> topics() throws BrokerException {
		return answer(this.admin.listTopics().names()).stream()
			.filter((name) -> !name.startsWith("__"))
			.sorted()
			.toList();
	}

	/** The names of all dead-letter topics, sorted. */
	List<String> deadLetterTopics() throws BrokerException {
		return topics().stream().filter((name) -> name.endsWith(DeadLetter.SUFFIX)).toList();
	}

	boolean exists(String topic) throws BrokerException {
		return answer(this.admin.listTopics().names()).contains(topic);
	}

	Admin admin() {
		return this.admin;
	}

	/** Settings for other clients of the same broker. */
	Map<String, Object> clientConfig() {
		Map<String, Object> config = new HashMap<>(this.login);
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		config.put(CommonClientConfigs.CLIENT_ID_CONFIG, CLIENT_ID);
		config.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, (int) this.timeout.toMillis());
		return config;
	}

	/**
	 * A consumer without a group: it is assigned partitions, seeks, and commits nothing.
	 */
	Map<String, Object> consumerConfig() {
		Map<String, Object> config = clientConfig();
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		// what a transactional producer aborted never reached the consumers either
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) this.timeout.toMillis());
		return config;
	}

	Duration timeout() {
		return this.timeout;
	}

	String bootstrapServers() {
		return this.bootstrapServers;
	}

	/** The result of an admin call, waiting at most about the timeout. */
	<T> T answer(KafkaFuture<T> future) throws BrokerException {
		try {
			return future.get(this.timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw failure(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unreachable();
		}
	}

	/** What went wrong, as the developer at the terminal needs to hear it. */
	BrokerException failure(Exception ex) {
		Throwable cause = (ex instanceof ExecutionException && ex.getCause() != null) ? ex.getCause() : ex;
		if (cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
			return unreachable();
		}
		if (cause instanceof org.apache.kafka.common.errors.AuthenticationException) {
			return new BrokerException("Kafka at " + this.bootstrapServers + " refused the login: " + cause.getMessage()
					+ " (the login comes from " + AdminLogin.VARIABLE + " or .stack/secrets/admin-client.properties)");
		}
		return new BrokerException("Kafka at " + this.bootstrapServers + " failed: " + cause.getMessage());
	}

	BrokerException unreachable() {
		String hint = this.bootstrapServers.equals(BrokerConfig.BOOTSTRAP) ? " Is the stack running (./stack up)?" : "";
		return new BrokerException("Kafka at " + this.bootstrapServers + " did not answer within "
				+ this.timeout.toSeconds() + " s." + hint);
	}

	/** The message for a topic that is not there, naming those that are. */
	BrokerException noSuchTopic(String topic, List<String> candidates, String what) {
		return new BrokerException("There is no topic " + topic + " on " + this.bootstrapServers + " (" + what + ": "
				+ (candidates.isEmpty() ? "none" : String.join(", ", candidates)) + ").");
	}

	@Override
	public void close() {
		this.admin.close(Duration.ofSeconds(2));
	}

}
