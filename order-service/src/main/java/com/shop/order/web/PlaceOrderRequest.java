package com.shop.order.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/orders}. */
record PlaceOrderRequest(@NotBlank @Size(max = 100) String customerId,
		@NotBlank @Email @Size(max = 254) String customerEmail,
		@NotEmpty @Size(max = 50, message = "an order has at most {max} lines") List<@Valid @NotNull Item> items,
		@NotBlank @Size(max = 100) String paymentMethod) {

	/** One line: which product and how many. */
	record Item(
			@NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,64}",
					message = "must be 1 to 64 letters, digits or '-'") String sku,
			@NotNull @Min(1) @Max(1000) Integer quantity) {
	}

}
