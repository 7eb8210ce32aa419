package com.shop.notification.live;

import java.util.List;
import java.util.Optional;

import com.shop.events.Envelope;
import com.shop.events.EventJson;
import com.shop.events.EventType;
import com.shop.events.OrderEvent;
import com.shop.events.Topics;
import com.shop.messaging.KafkaEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every order event, on every instance (a consumer group of its own, see
 * {@link LiveKafkaConfiguration}), turned into a status update for this instance's
 * subscribers. Best effort: a record it cannot read is logged and skipped, since the
 * projection (kept by the shared group) is the durable path.
 */
@Component
class LiveOrdersListener {

	static final String ID = "live-orders";

	private static final Logger log = LoggerFactory.getLogger(LiveOrdersListener.class);

	private final LiveOrderStatus live;

	LiveOrdersListener(LiveOrderStatus live) {
		this.live = live;
	}

	@KafkaListener(id = ID, idIsGroup = false, topics = Topics.ORDERS, batch = "true",
			containerFactory = LiveKafkaConfiguration.CONTAINER_FACTORY)
	void on(List<ConsumerRecord<String, byte[]>> records) {
		for (ConsumerRecord<String, byte[]> record : records) {
			try {
				Envelope envelope = KafkaEnvelope.read(record.headers());
				Optional<EventType> type = EventType.byName(envelope.type())
					.filter((known) -> OrderEvent.class.isAssignableFrom(known.payloadType()));
				if (type.isPresent()) {
					OrderEvent event = (OrderEvent) EventJson.read(record.value(), type.get().payloadType());
					this.live.publish(OrderStatusUpdate.of(envelope, event));
				}
			}
			catch (RuntimeException ex) {
				log.warn("Skipping unreadable record {}-{}@{} for live status: {}", record.topic(), record.partition(),
						record.offset(), ex.toString());
			}
		}
	}

}
