package com.shop.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.shop.events.Envelope;
import com.shop.events.EventType;
import com.shop.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Property test of a consumed topic: random bytes under random headers, or under a valid
 * envelope of a type the service handles, all end in {@code <topic>.DLT}, and the
 * service's consumer group goes on to the end of the topic (no partition stuck, no
 * consumer crashed).
 */
public final class HostileRecords {

	private static final String MARK = "test-hostile-id";

	private HostileRecords() {
	}

	/**
	 * Sends {@code count} hostile records to the topic and waits until every one is in
	 * its dead-letter topic and the group has consumed past all of them.
	 * @return how many were sent with garbage headers, and with a valid envelope
	 */
	public static String deadLetterAll(String topic, String group, List<EventType> handledTypes, int count) {
		Hostile hostile = Hostile.generator("hostile records on " + topic);
		Set<String> sent = new HashSet<>();
		int garbageHeaders = 0;
		try (TestEvents events = new TestEvents();
				TopicRecorder deadLetters = TopicRecorder.record(Topics.deadLetter(topic))) {
			for (int i = 0; i < count; i++) {
				String mark = UUID.randomUUID().toString();
				String key = hostile.random().nextBoolean() ? UUID.randomUUID().toString() : hostile.pathSegment();
				Map<String, String> headers = new LinkedHashMap<>();
				if (hostile.random().nextInt(3) == 0) {
					EventType type = hostile.oneOf(handledTypes);
					headers.putAll(Envelope.create("/hostile", type, key, null).toHeaders());
				}
				else {
					garbageHeaders++;
					for (int h = hostile.random().nextInt(6); h > 0; h--) {
						headers.put(hostile.oneOf(List.of("ce_id", "ce_type", "ce_time", "ce_source", "x-" + h,
								"content-type", "traceparent")), hostile.headerValue());
					}
				}
				headers.put(MARK, mark);
				byte[] value = hostile.random().nextBoolean() ? hostile.bytes(hostile.random().nextInt(300))
						: ("{\"orderId\":\"" + key + "\",").getBytes(StandardCharsets.UTF_8);
				events.send(topic, key, headers, value);
				sent.add(mark);
			}
			await("every hostile record on " + topic + " dead-lettered").atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(deadLetters.records()
					.stream()
					.map((record) -> TopicRecorder.header(record, MARK))
					.collect(Collectors.toSet())).containsAll(sent));
		}
		awaitGroupAtEnd(topic, group);
		return String.format(
				"%d hostile records on %s (%d with garbage headers, %d with a valid envelope and a"
						+ " broken body): all dead-lettered, group %s at the end; seed %d",
				count, topic, garbageHeaders, count - garbageHeaders, group, hostile.seed());
	}

	private static void awaitGroupAtEnd(String topic, String group) {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers()))) {
			await(group + " consumed all of " + topic).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
					.partitionsToOffsetAndMetadata()
					.get();
				Map<TopicPartition, OffsetSpec> ends = committed.keySet()
					.stream()
					.filter((partition) -> partition.topic().equals(topic))
					.collect(Collectors.toMap((partition) -> partition, (partition) -> OffsetSpec.latest()));
				assertThat(ends).isNotEmpty();
				admin.listOffsets(ends)
					.all()
					.get()
					.forEach((partition, end) -> assertThat(committed.get(partition).offset()).as(partition.toString())
						.isEqualTo(end.offset()));
			});
		}
	}

}
