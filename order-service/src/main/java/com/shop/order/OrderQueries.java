package com.shop.order;

import java.util.UUID;
import java.util.function.Function;

import com.shop.order.OrderExceptions.OrderNotFound;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads orders for the API; views are built inside the transaction that loaded them. */
@Service
@Transactional(readOnly = true)
public class OrderQueries {

	private final Orders orders;

	OrderQueries(Orders orders) {
		this.orders = orders;
	}

	public <T> T find(UUID orderId, Function<Order, T> view) {
		return this.orders.findById(orderId).map(view).orElseThrow(() -> new OrderNotFound(orderId));
	}

	public boolean exists(UUID orderId) {
		return this.orders.existsById(orderId);
	}

	public <T> Page<T> search(String customerId, OrderStatus status, int page, int size, Function<Order, T> view) {
		return this.orders
			.search(customerId, status, PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt")))
			.map(view);
	}

}
