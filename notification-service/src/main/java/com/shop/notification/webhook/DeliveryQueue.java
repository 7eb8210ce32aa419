package com.shop.notification.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.shop.events.Envelope;
import com.shop.events.Ids;
import com.shop.messaging.SqlArrays;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * The durable delivery queue in {@code webhook_delivery} and the attempt log in
 * {@code webhook_attempt}. Plain SQL rather than JPA because claiming needs
 * {@code for update skip locked} and a per-endpoint cap, which JPQL cannot say. Every
 * method runs in the caller's transaction.
 */
@Repository
class DeliveryQueue {

	/**
	 * Due deliveries of active endpoints, at most {@code cap} in flight per endpoint
	 * (counting those already leased), oldest due first; rows another instance is
	 * claiming are skipped.
	 */
	private static final String CLAIM = """
			with busy as (
			    select endpoint_id, count(*) as n from webhook_delivery
			    where status = 'PENDING' and in_flight_until > ? group by endpoint_id
			), ranked as (
			    select d.id, d.next_attempt_at,
			        row_number() over (partition by d.endpoint_id order by d.next_attempt_at, d.id)
			            + coalesce(b.n, 0) as slot
			    from webhook_delivery d
			    join webhook_endpoint e on e.id = d.endpoint_id
			    left join busy b on b.endpoint_id = d.endpoint_id
			    where d.status = 'PENDING' and d.next_attempt_at <= ? and e.status = 'ACTIVE'
			)
			select d.id, d.endpoint_id, d.event_type, d.order_id, d.event_time, d.body, d.traceparent, d.attempts,
			    e.url, e.secret, e.previous_secret, e.previous_secret_expires_at
			from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id
			where d.id in (select id from ranked where slot <= ? order by next_attempt_at limit ?)
			    and d.status = 'PENDING' and d.next_attempt_at <= ?
			for update of d skip locked
			""";

	private static final String ENQUEUE = """
			insert into webhook_delivery (id, endpoint_id, event_id, event_type, order_id, event_time, body,
			    traceparent, status, attempts, next_attempt_at, created_at)
			select id, endpoint_id, event_id, event_type, order_id, event_time, body, traceparent, 'PENDING', 0,
			    now(), now()
			from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::varchar[], ?::uuid[], ?::timestamptz[], ?::text[],
			    ?::varchar[]) as d(id, endpoint_id, event_id, event_type, order_id, event_time, body, traceparent)
			on conflict (endpoint_id, event_id) do nothing
			""";

	private final JdbcTemplate jdbc;

	private final SecretCipher secrets;

	DeliveryQueue(JdbcTemplate jdbc, SecretCipher secrets) {
		this.jdbc = jdbc;
		this.secrets = secrets;
	}

	/**
	 * One delivery to queue: the event for the endpoint, with the body every attempt
	 * sends, and the trace its outcome is reported in.
	 */
	record Queued(UUID endpointId, Envelope envelope, UUID orderId, String body, String traceparent) {
	}

	/** Queues the events for their endpoints, unless they already are. */
	void enqueue(List<Queued> deliveries) {
		this.jdbc.update(ENQUEUE, (statement) -> {
			SqlArrays.bind(statement, 1, "uuid", deliveries, (delivery) -> Ids.next());
			SqlArrays.bind(statement, 2, "uuid", deliveries, Queued::endpointId);
			SqlArrays.bind(statement, 3, "uuid", deliveries, (delivery) -> delivery.envelope().id());
			SqlArrays.bind(statement, 4, "varchar", deliveries, (delivery) -> delivery.envelope().type());
			SqlArrays.bind(statement, 5, "uuid", deliveries, Queued::orderId);
			SqlArrays.bind(statement, 6, "timestamptz", deliveries, (delivery) -> delivery.envelope().time());
			SqlArrays.bind(statement, 7, "text", deliveries, Queued::body);
			SqlArrays.bind(statement, 8, "varchar", deliveries, Queued::traceparent);
		});
	}

	/**
	 * Claims up to {@code max} due deliveries and leases them until {@code leaseUntil}:
	 * no instance claims them again before, unless the lease runs out (its holder died).
	 */
	List<ClaimedDelivery> claim(int max, int perEndpoint, Instant now, Instant leaseUntil) {
		List<ClaimedDelivery> claimed = this.jdbc.query(CLAIM, this::claimed, time(now), time(now), perEndpoint, max,
				time(now));
		if (!claimed.isEmpty()) {
			UUID[] ids = claimed.stream().map(ClaimedDelivery::id).toArray(UUID[]::new);
			this.jdbc.update("update webhook_delivery set next_attempt_at = ?, in_flight_until = ? where id = any(?)",
					(ps) -> {
						ps.setObject(1, time(leaseUntil));
						ps.setObject(2, time(leaseUntil));
						ps.setArray(3, ps.getConnection().createArrayOf("uuid", ids));
					});
		}
		return claimed;
	}

	/** Locks the delivery and returns its attempts so far, or empty if it is gone. */
	Optional<Integer> lock(UUID deliveryId) {
		return this.jdbc
			.query("select attempts from webhook_delivery where id = ? for update", (rs, row) -> rs.getInt(1),
					deliveryId)
			.stream()
			.findFirst();
	}

	void logAttempt(UUID deliveryId, AttemptResult attempt) {
		this.jdbc.update(
				"insert into webhook_attempt (delivery_id, attempted_at, status_code, latency_ms, response_snippet,"
						+ " error) values (?, ?, ?, ?, ?, ?)",
				deliveryId, time(attempt.attemptedAt()), attempt.statusCode(), attempt.latencyMs(),
				attempt.responseSnippet(), attempt.error());
	}

	/**
	 * Ends an attempt: the delivery is {@code status}, due again at {@code nextAttemptAt}
	 * if that is PENDING.
	 */
	void attempted(UUID deliveryId, DeliveryStatus status, Instant nextAttemptAt, Instant attemptedAt) {
		this.jdbc.update(
				"update webhook_delivery set status = ?, attempts = attempts + 1, next_attempt_at = ?,"
						+ " in_flight_until = null, last_attempt_at = ? where id = ?",
				status.name(), time(nextAttemptAt), time(attemptedAt), deliveryId);
	}

	/** Fails every pending delivery of the endpoint, in flight or not. */
	int failPending(UUID endpointId) {
		return this.jdbc
			.update("update webhook_delivery set status = 'FAILED', next_attempt_at = null, in_flight_until = null"
					+ " where endpoint_id = ? and status = 'PENDING'", endpointId);
	}

	/**
	 * Makes the delivery due now, whatever its state, unless it is being sent right now.
	 * Returns false if the endpoint has no such delivery.
	 */
	boolean retryNow(UUID endpointId, UUID deliveryId, Instant now) {
		int updated = this.jdbc.update(
				"update webhook_delivery set status = 'PENDING', next_attempt_at = ? where id = ? and endpoint_id = ?"
						+ " and (in_flight_until is null or in_flight_until <= ?)",
				time(now), deliveryId, endpointId, time(now));
		return updated == 1 || Boolean.TRUE.equals(this.jdbc.queryForObject(
				"select exists (select 1 from webhook_delivery where id = ? and endpoint_id = ?)", Boolean.class,
				deliveryId, endpointId));
	}

	/** The endpoint's latest deliveries, newest first, each with its attempts. */
	List<DeliveryRecord> latest(UUID endpointId, int limit) {
		Map<UUID, DeliveryRecord> deliveries = new LinkedHashMap<>();
		this.jdbc.query("select id, event_id, event_type, order_id, status, attempts, next_attempt_at, created_at,"
				+ " last_attempt_at from webhook_delivery where endpoint_id = ?"
				+ " order by created_at desc, id limit ?", (rs) -> {
					DeliveryRecord delivery = new DeliveryRecord(rs.getObject("id", UUID.class),
							rs.getObject("event_id", UUID.class), rs.getString("event_type"),
							rs.getObject("order_id", UUID.class), DeliveryStatus.valueOf(rs.getString("status")),
							rs.getInt("attempts"), instant(rs, "next_attempt_at"), instant(rs, "created_at"),
							instant(rs, "last_attempt_at"), new ArrayList<>());
					deliveries.put(delivery.id(), delivery);
				}, endpointId, limit);
		if (!deliveries.isEmpty()) {
			attemptsOf(deliveries.keySet())
				.forEach((attempt) -> deliveries.get(attempt.getKey()).attemptLog().add(attempt.getValue()));
		}
		return List.copyOf(deliveries.values());
	}

	private List<Map.Entry<UUID, AttemptResult>> attemptsOf(Collection<UUID> deliveryIds) {
		UUID[] ids = deliveryIds.toArray(UUID[]::new);
		return this.jdbc.query(
				"select delivery_id, attempted_at, status_code, latency_ms, response_snippet, error"
						+ " from webhook_attempt where delivery_id = any(?) order by attempted_at, id",
				(ps) -> ps.setArray(1, ps.getConnection().createArrayOf("uuid", ids)),
				(rs, row) -> Map.entry(rs.getObject("delivery_id", UUID.class),
						new AttemptResult(instant(rs, "attempted_at"), rs.getObject("status_code", Integer.class),
								rs.getLong("latency_ms"), rs.getString("response_snippet"), rs.getString("error"),
								null)));
	}

	/** The endpoint's secrets are stored encrypted (see {@link SecretCipher}). */
	private ClaimedDelivery claimed(ResultSet rs, int row) throws SQLException {
		return new ClaimedDelivery(rs.getObject("id", UUID.class), rs.getObject("endpoint_id", UUID.class),
				rs.getString("url"), rs.getString("event_type"), rs.getObject("order_id", UUID.class),
				instant(rs, "event_time"), rs.getString("body"), rs.getString("traceparent"), rs.getInt("attempts"),
				this.secrets.convertToEntityAttribute(rs.getString("secret")),
				this.secrets.convertToEntityAttribute(rs.getString("previous_secret")),
				instant(rs, "previous_secret_expires_at"));
	}

	private static OffsetDateTime time(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
		return (time != null) ? time.toInstant() : null;
	}

}
