package com.shop.order;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.shop.events.CatalogEvent;
import com.shop.events.Envelope;
import com.shop.events.EventJson;
import com.shop.events.ShopEvent;
import com.shop.messaging.EventJournal;
import com.shop.messaging.SqlArrays;
import com.shop.messaging.TransactionBuffer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each order's timeline: every event of the order this service emitted or consumed,
 * written in the transaction that emitted or consumed it, so the timeline is in causal
 * order.
 */
@Component
public class OrderTimeline implements EventJournal {

	private static final String INSERT = """
			insert into order_event (order_id, event_id, type, source, occurred_at, data)
			select order_id, event_id, type, source, occurred_at, data
			from unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::varchar[], ?::timestamptz[], ?::text[]) with ordinality
			    as e(order_id, event_id, type, source, occurred_at, data, n)
			order by n
			""";

	private final JdbcTemplate jdbc;

	private final TransactionBuffer<Row> rows;

	OrderTimeline(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.rows = new TransactionBuffer<>(this::write);
	}

	private record Row(UUID orderId, Envelope envelope, String data) {
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

	/** Buffered: a transaction's entries are written together just before it commits. */
	private void record(Envelope envelope, ShopEvent event) {
		if (event instanceof CatalogEvent) {
			return;
		}
		this.rows.add(new Row(UUID.fromString(event.subject()), envelope,
				new String(EventJson.write(event), StandardCharsets.UTF_8)));
	}

	private void write(List<Row> rows) {
		this.jdbc.update(INSERT, (statement) -> {
			SqlArrays.bind(statement, 1, "uuid", rows, Row::orderId);
			SqlArrays.bind(statement, 2, "uuid", rows, (row) -> row.envelope().id());
			SqlArrays.bind(statement, 3, "varchar", rows, (row) -> row.envelope().type());
			SqlArrays.bind(statement, 4, "varchar", rows, (row) -> row.envelope().source());
			SqlArrays.bind(statement, 5, "timestamptz", rows, (row) -> row.envelope().time());
			SqlArrays.bind(statement, 6, "text", rows, Row::data);
		});
	}

	public List<Entry> of(UUID orderId) {
		return this.jdbc.query(
				"select event_id, type, source, occurred_at, data from order_event where order_id = ? order by id",
				(rs, row) -> new Entry(rs.getObject("event_id", UUID.class), rs.getString("type"),
						rs.getString("source"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("data")),
				orderId);
	}

}
