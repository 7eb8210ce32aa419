package com.shop.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import com.shop.events.EventType;
import com.shop.events.ShopEvent;

/**
 * The handlers of one listener, by event type. Types without a handler are ignored, so a
 * listener takes only what it needs from a shared topic.
 */
public final class EventHandlers {

	private final Map<EventType, Consumer<ShopEvent>> handlers;

	private EventHandlers(Map<EventType, Consumer<ShopEvent>> handlers) {
		this.handlers = Map.copyOf(handlers);
	}

	public static Builder builder() {
		return new Builder();
	}

	boolean handles(EventType type) {
		return this.handlers.containsKey(type);
	}

	void handle(EventType type, ShopEvent event) {
		this.handlers.get(type).accept(event);
	}

	/** Collects one handler per payload type. */
	public static final class Builder {

		private final Map<EventType, Consumer<ShopEvent>> handlers = new HashMap<>();

		private Builder() {
		}

		public <T extends ShopEvent> Builder on(Class<T> payloadType, Consumer<? super T> handler) {
			this.handlers.put(EventType.of(payloadType), (event) -> handler.accept(payloadType.cast(event)));
			return this;
		}

		public EventHandlers build() {
			return new EventHandlers(this.handlers);
		}

	}

}
