package com.shop.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.shop.events.EventType;
import com.shop.events.ShopEvent;

/**
 * The handlers of one listener, by event type, and what they need done once per batch.
 * Types without a handler are ignored, so a listener takes only what it needs from a
 * shared topic. The handlers see a batch's events one at a time, in order, inside the
 * batch's transaction; {@link Builder#prepare} runs before them, with all of the batch's
 * events, so the state they touch can be read (and locked) in one statement instead of
 * one per event.
 */
public final class EventHandlers {

	private final Map<EventType, Consumer<ShopEvent>> handlers;

	private final Consumer<List<ShopEvent>> prepare;

	private EventHandlers(Map<EventType, Consumer<ShopEvent>> handlers, Consumer<List<ShopEvent>> prepare) {
		this.handlers = Map.copyOf(handlers);
		this.prepare = prepare;
	}

	public static Builder builder() {
		return new Builder();
	}

	boolean handles(EventType type) {
		return this.handlers.containsKey(type);
	}

	void prepare(List<ShopEvent> batch) {
		this.prepare.accept(batch);
	}

	void handle(EventType type, ShopEvent event) {
		this.handlers.get(type).accept(event);
	}

	/** Collects one handler per payload type. */
	public static final class Builder {

		private final Map<EventType, Consumer<ShopEvent>> handlers = new HashMap<>();

		private Consumer<List<ShopEvent>> prepare = (batch) -> {
		};

		private Builder() {
		}

		public <T extends ShopEvent> Builder on(Class<T> payloadType, Consumer<? super T> handler) {
			this.handlers.put(EventType.of(payloadType), (event) -> handler.accept(payloadType.cast(event)));
			return this;
		}

		/**
		 * Runs before the handlers of each batch, inside its transaction, with the
		 * batch's new events in order (duplicates left out).
		 */
		public Builder prepare(Consumer<List<ShopEvent>> prepare) {
			this.prepare = prepare;
			return this;
		}

		public EventHandlers build() {
			return new EventHandlers(this.handlers, this.prepare);
		}

	}

}
