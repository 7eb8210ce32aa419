package com.shop.order;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.shop.events.CatalogEvent;
import com.shop.events.Envelope;
import com.shop.events.EventJson;
import com.shop.events.ShopEvent;
import com.shop.messaging.EventJournal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each order's timeline: every event of the order this service emitted or consumed,
 * written in the transaction that emitted or consumed it, so the timeline is in causal
 * order.
 */
@Component
public class OrderTimeline implements EventJournal {

	private final JdbcTemplate jdbc;

	OrderTimeline(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** One event on an order's timeline; {@code data} is the payload as JSON. */
	public record Entry(UUID id, String type, String source, Instant occurredAt, String data) {
	}

	@Override
	public void emitted(Envelope envelope, ShopEvent event) {
		record(envelope, event);
	}

	@Override
	public void consumed(Envelope envelope, ShopEvent event) {
		record(envelope, event);
	}

	private void record(Envelope envelope, ShopEvent event) {
		if (event instanceof CatalogEvent) {
			return;
		}
		this.jdbc.update(
				"insert into order_event (order_id, event_id, type, source, occurred_at, data) values (?, ?, ?, ?, ?, ?)",
				UUID.fromString(event.subject()), envelope.id(), envelope.type(), envelope.source(),
				Timestamp.from(envelope.time()), new String(EventJson.write(event), StandardCharsets.UTF_8));
	}

	public List<Entry> of(UUID orderId) {
		return this.jdbc.query(
				"select event_id, type, source, occurred_at, data from order_event where order_id = ? order by id",
				(rs, row) -> new Entry(rs.getObject("event_id", UUID.class), rs.getString("type"),
						rs.getString("source"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("data")),
				orderId);
	}

}
