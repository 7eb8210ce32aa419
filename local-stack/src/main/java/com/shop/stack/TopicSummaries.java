package com.shop.stack;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Gathers what {@code ./stack topics} shows from the broker's admin API alone: topics,
 * their partitions, start and end offsets, cleanup policy, and the offsets every consumer
 * group committed. Nothing is read from the topics themselves.
 */
final class TopicSummaries {

	private final BrokerConnection kafka;

	private final Admin admin;

	private TopicSummaries(BrokerConnection kafka) {
		this.kafka = kafka;
		this.admin = kafka.admin();
	}

	/** Every topic but the internal ones, sorted by name. */
	static List<TopicSummary> collect(BrokerConnection kafka) throws BrokerException {
		return new TopicSummaries(kafka).collect();
	}

	private List<TopicSummary> collect() throws BrokerException {
		List<String> names = this.kafka.topics();
		if (names.isEmpty()) {
			return List.of();
		}
		Map<String, TopicDescription> descriptions = this.kafka
			.answer(this.admin.describeTopics(names).allTopicNames());
		List<TopicPartition> partitions = descriptions.values()
			.stream()
			.flatMap((topic) -> topic.partitions()
				.stream()
				.map((partition) -> new TopicPartition(topic.name(), partition.partition())))
			.toList();
		Map<TopicPartition, Long> start = offsets(partitions, OffsetSpec.earliest());
		Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
		Map<String, String> cleanup = cleanupPolicies(names);
		Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = committedOffsets();
		return names.stream().map((name) -> {
			List<TopicPartition> own = partitions.stream()
				.filter((partition) -> partition.topic().equals(name))
				.toList();
			long records = own.stream().mapToLong((partition) -> end.get(partition) - start.get(partition)).sum();
			SortedMap<String, Long> lag = new TreeMap<>();
			committed.forEach((group, offsets) -> {
				if (offsets.keySet().stream().anyMatch((partition) -> partition.topic().equals(name))) {
					lag.put(group, lag(own, offsets, start, end));
				}
			});
			return new TopicSummary(name, own.size(), records, cleanup.getOrDefault(name, "?"), lag);
		}).toList();
	}

	/**
	 * The records past a group's committed offsets; a partition it committed nothing on
	 * counts whole, as the services start reading at the earliest offset.
	 */
	private static long lag(List<TopicPartition> partitions, Map<TopicPartition, OffsetAndMetadata> committed,
			Map<TopicPartition, Long> start, Map<TopicPartition, Long> end) {
		long lag = 0;
		for (TopicPartition partition : partitions) {
			OffsetAndMetadata offset = committed.get(partition);
			long from = Math.max(start.get(partition), (offset != null) ? offset.offset() : 0);
			lag += Math.max(0, end.get(partition) - from);
		}
		return lag;
	}

	private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) throws BrokerException {
		Map<TopicPartition, OffsetSpec> request = partitions.stream()
			.collect(Collectors.toMap(Function.identity(), (partition) -> spec));
		Map<TopicPartition, Long> offsets = new HashMap<>();
		this.kafka.answer(this.admin.listOffsets(request).all())
			.forEach((partition, info) -> offsets.put(partition, info.offset()));
		return offsets;
	}

	private Map<String, String> cleanupPolicies(List<String> topics) throws BrokerException {
		List<ConfigResource> resources = topics.stream()
			.map((topic) -> new ConfigResource(ConfigResource.Type.TOPIC, topic))
			.toList();
		Map<String, String> policies = new HashMap<>();
		for (Map.Entry<ConfigResource, Config> entry : this.kafka.answer(this.admin.describeConfigs(resources).all())
			.entrySet()) {
			ConfigEntry policy = entry.getValue().get(TopicConfig.CLEANUP_POLICY_CONFIG);
			if (policy != null) {
				policies.put(entry.getKey().name(), policy.value());
			}
		}
		return policies;
	}

	/** Each consumer group's committed offsets, by group id. */
	private Map<String, Map<TopicPartition, OffsetAndMetadata>> committedOffsets() throws BrokerException {
		Collection<GroupListing> groups = this.kafka
			.answer(this.admin.listGroups(ListGroupsOptions.forConsumerGroups()).all());
		if (groups.isEmpty()) {
			return Map.of();
		}
		Map<String, ListConsumerGroupOffsetsSpec> request = groups.stream()
			.collect(Collectors.toMap(GroupListing::groupId, (group) -> new ListConsumerGroupOffsetsSpec(),
					(first, second) -> first));
		Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new TreeMap<>();
		this.kafka.answer(this.admin.listConsumerGroupOffsets(request).all()).forEach((group, offsets) -> {
			// the admin client reports partitions without an offset as null
			Map<TopicPartition, OffsetAndMetadata> present = new HashMap<>();
			offsets.forEach((partition, offset) -> {
				if (offset != null) {
					present.put(partition, offset);
				}
			});
			committed.put(group, present);
		});
		return committed;
	}

}
