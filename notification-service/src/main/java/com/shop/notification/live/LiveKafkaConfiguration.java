package com.shop.notification.live;

import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.CommonLoggingErrorHandler;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * The consumer behind live status. Each instance must see every order event for its own
 * subscribers, while e-mails and webhooks stay once per event (the shared group), so it
 * reads in a group of its own, {@code <service>-live-<random>}, from the latest offset.
 * It never commits: no offsets means the broker forgets the group as soon as the instance
 * leaves, so restarts leave no stale groups behind. Hence manual acks that are never
 * given, and no commit of the initial position on assignment (which spring-kafka
 * otherwise does for {@code latest}). No dead-letter handling: an error is logged.
 */
@Configuration(proxyBeanMethods = false)
class LiveKafkaConfiguration {

	static final String CONTAINER_FACTORY = "liveOrdersContainerFactory";

	@Bean(CONTAINER_FACTORY)
	ConcurrentKafkaListenerContainerFactory<String, byte[]> liveOrdersContainerFactory(KafkaProperties kafka,
			Environment environment) {
		Map<String, Object> config = kafka.buildConsumerProperties();
		config.put(ConsumerConfig.GROUP_ID_CONFIG,
				environment.getRequiredProperty("spring.application.name") + "-live-" + UUID.randomUUID());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config));
		ContainerProperties properties = factory.getContainerProperties();
		properties.setAckMode(ContainerProperties.AckMode.MANUAL);
		properties.setAssignmentCommitOption(ContainerProperties.AssignmentCommitOption.NEVER);
		CommonLoggingErrorHandler errors = new CommonLoggingErrorHandler();
		errors.setAckAfterHandle(false);
		factory.setCommonErrorHandler(errors);
		return factory;
	}

}
