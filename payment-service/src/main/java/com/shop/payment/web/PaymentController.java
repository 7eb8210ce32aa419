package com.shop.payment.web;

import java.util.List;
import java.util.UUID;

import com.shop.payment.Payment;
import com.shop.payment.Payments;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only view of payments. An orderId that is not a UUID is a 400 problem, rendered by
 * the shared problem handling.
 */
@RestController
@RequestMapping("/api/payments")
class PaymentController {

	private final Payments payments;

	PaymentController(Payments payments) {
		this.payments = payments;
	}

	/**
	 * The payment of one order (an empty list if none), or the latest 100, newest first.
	 */
	@GetMapping
	List<PaymentView> payments(@RequestParam(required = false) UUID orderId) {
		List<Payment> found = (orderId != null) ? this.payments.ofOrder(orderId) : this.payments.latest();
		return found.stream().map(PaymentView::of).toList();
	}

}
