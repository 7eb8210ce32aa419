package com.shop.order.web;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.shop.order.OrderPlacement;
import com.shop.order.OrderPlacement.Placement;
import com.shop.order.OrderProcess;
import com.shop.order.OrderQueries;
import com.shop.order.OrderStatus;
import com.shop.order.OrderTimeline;
import com.shop.order.PlaceOrder;
import com.shop.order.web.OrderViews.OrderPage;
import com.shop.order.web.OrderViews.OrderView;
import com.shop.order.web.OrderViews.Placed;
import com.shop.order.web.OrderViews.TimelineEntry;
import com.shop.web.FieldError;
import com.shop.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public order API. */
@RestController
@RequestMapping("/api/orders")
class OrderController {

	private final OrderPlacement placement;

	private final OrderProcess process;

	private final OrderQueries queries;

	private final OrderTimeline timeline;

	OrderController(OrderPlacement placement, OrderProcess process, OrderQueries queries, OrderTimeline timeline) {
		this.placement = placement;
		this.process = process;
		this.queries = queries;
		this.timeline = timeline;
	}

	/** Accepts an order: 202 with the PENDING order; it settles asynchronously. */
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Placed> place(@Valid @RequestBody PlaceOrderRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 200) @Pattern(
					regexp = "[\\x21-\\x7E]+",
					message = "must be printable ASCII without spaces") String idempotencyKey) {
		rejectRepeatedSkus(request.items());
		List<PlaceOrder.Line> lines = request.items()
			.stream()
			.map((item) -> new PlaceOrder.Line(item.sku(), item.quantity()))
			.toList();
		Placement placed = this.placement.place(new PlaceOrder(request.customerId(), request.customerEmail(), lines,
				request.paymentMethod(), idempotencyKey));
		OrderLogContext.placed(placed.order().id());
		return ResponseEntity.accepted().location(location(placed.order().id())).body(Placed.of(placed.order()));
	}

	@GetMapping("/{orderId}")
	OrderView get(@PathVariable UUID orderId) {
		return this.queries.find(orderId, OrderView::of);
	}

	@GetMapping
	OrderPage search(@RequestParam(required = false) @Size(max = 100) String customerId,
			@RequestParam(required = false) OrderStatus status, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return OrderPage.of(this.queries.search(customerId, status, page, size, OrderView::of));
	}

	@GetMapping("/{orderId}/events")
	List<TimelineEntry> events(@PathVariable UUID orderId) {
		if (!this.queries.exists(orderId)) {
			throw Problems.notFound("Order", orderId);
		}
		return this.timeline.of(orderId).stream().map(TimelineEntry::of).toList();
	}

	/**
	 * Withdraws an open order: 202, since its stock and any payment are undone
	 * asynchronously.
	 */
	@PostMapping("/{orderId}/cancel")
	ResponseEntity<OrderView> cancel(@PathVariable UUID orderId) {
		OrderView view = this.process.cancelByCustomer(orderId, OrderView::of);
		return ResponseEntity.accepted().location(location(orderId)).body(view);
	}

	private static URI location(UUID orderId) {
		return URI.create("/api/orders/" + orderId);
	}

	private static void rejectRepeatedSkus(List<PlaceOrderRequest.Item> items) {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < items.size(); i++) {
			if (!seen.add(items.get(i).sku())) {
				throw Problems.badRequest("Each sku may appear on one line only",
						List.of(new FieldError("items[" + i + "].sku", "repeats sku " + items.get(i).sku())));
			}
		}
	}

}
