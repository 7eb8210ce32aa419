package com.shop.messaging;

import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.shop.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.api.Location;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the shared messaging machinery into a service: the outbox with its relay, the
 * idempotent consumer, dead-letter error handling, the service's topics, and the
 * serializers (string keys, JSON bytes as values, the envelope in headers), trace context
 * across every hop, and the messaging metrics. Without a tracer or a meter registry (a
 * service without actuator) it still works, untraced and unmeasured.
 */
@AutoConfiguration(after = { KafkaAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
		TransactionAutoConfiguration.class })
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

	private static final String MIGRATIONS = "classpath:db/messaging";

	@Bean
	DefaultKafkaProducerFactoryCustomizer eventProducerSerializers() {
		return (factory) -> factory.updateConfigs(Map.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
				StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
	}

	/**
	 * Values stay bytes until the envelope says what they are; a new group reads from the
	 * start.
	 */
	@Bean
	DefaultKafkaConsumerFactoryCustomizer eventConsumerSerializers() {
		return (factory) -> factory.updateConfigs(Map.of(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				// a crashed instance's partitions move to a live one after 10 s instead
				// of 45 s
				ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000, ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000));
	}

	/**
	 * Consumed offsets are committed after each batch without waiting for the broker's
	 * answer: the database's record of consumed events is what makes a redelivered record
	 * harmless, so a commit lost in a crash only means a few records handed out again,
	 * while a busy consumer does not wait a round trip to the broker after every batch.
	 */
	@Bean
	ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> asyncOffsetCommits() {
		return (container) -> container.getContainerProperties().setSyncCommits(false);
	}

	@Bean
	FlywayConfigurationCustomizer messagingMigrations() {
		return (configuration) -> {
			List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
			locations.add(new Location(MIGRATIONS));
			configuration.locations(locations.toArray(Location[]::new));
		};
	}

	/**
	 * The relay's connection is its own, opened beside the pool with the service's
	 * database settings: it holds the relay's lock for as long as it lives.
	 */
	@Bean
	@SuppressWarnings("unchecked")
	OutboxRelay outboxRelay(DataSource dataSource, ObjectProvider<JdbcConnectionDetails> details,
			KafkaTemplate<?, ?> kafka, MessagingProperties properties, ObjectProvider<MeterRegistry> meters) {
		JdbcConnectionDetails database = details.getIfAvailable();
		OutboxRelay.Connections connections = (database != null) ? () -> DriverManager
			.getConnection(database.getJdbcUrl(), database.getUsername(), database.getPassword())
				: dataSource::getConnection;
		return new OutboxRelay(connections, (KafkaTemplate<String, byte[]>) kafka, properties.relay(), meters(meters));
	}

	@Bean
	EventPublisher eventPublisher(JdbcTemplate jdbc, OutboxRelay relay, ObjectProvider<EventJournal> journals,
			Environment environment, ObjectProvider<Tracer> tracer) {
		String source = "/" + environment.getRequiredProperty("spring.application.name");
		return new EventPublisher(jdbc, source, relay, journals.orderedStream().toList(),
				tracer.getIfAvailable(() -> Tracer.NOOP));
	}

	@Bean
	InboundEvents inboundEvents(JdbcTemplate jdbc, TransactionTemplate transaction,
			ObjectProvider<EventJournal> journals, ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
			ObjectProvider<MeterRegistry> meters) {
		return new InboundEvents(jdbc, transaction, journals.orderedStream().toList(),
				tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP),
				meters(meters));
	}

	@Bean
	DefaultErrorHandler deadLetterErrorHandler(KafkaTemplate<?, ?> kafka, MessagingProperties properties,
			ObjectProvider<MeterRegistry> meters) {
		return DeadLetterErrorHandling.errorHandler(kafka, properties.retry(), meters(meters));
	}

	/** Registered by Boot's metrics auto-configuration with every meter registry. */
	@Bean
	OutboxMetrics outboxMetrics(JdbcTemplate jdbc) {
		return new OutboxMetrics(jdbc);
	}

	private static MeterRegistry meters(ObjectProvider<MeterRegistry> meters) {
		return meters.getIfAvailable(() -> Metrics.globalRegistry);
	}

	@Bean
	KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
		return new KafkaHealthIndicator(kafkaAdmin);
	}

	/** The topics this service writes, and the dead-letter topics of those it reads. */
	@Bean
	KafkaAdmin.NewTopics messagingTopics(MessagingProperties properties) {
		List<NewTopic> topics = new ArrayList<>();
		for (String topic : properties.ownedTopics()) {
			TopicBuilder builder = TopicBuilder.name(topic).partitions(properties.partitions());
			if (Topics.isCompacted(topic)) {
				builder.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
			}
			topics.add(builder.build());
		}
		for (String topic : properties.consumedTopics()) {
			topics.add(TopicBuilder.name(Topics.deadLetter(topic)).partitions(properties.partitions()).build());
		}
		return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
	}

}
