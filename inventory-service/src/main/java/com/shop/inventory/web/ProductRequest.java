package com.shop.inventory.web;

import java.math.BigDecimal;

import com.shop.events.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code PUT /api/products/{sku}}: what the catalog says about a product. */
record ProductRequest(@NotBlank @Size(max = 200) String name, @NotNull @Valid Price unitPrice,
		@NotNull Boolean active) {

	/**
	 * A price; the amount is a decimal string ({@code "89.90"}), as money is everywhere
	 * in the pipeline, never a JSON number.
	 */
	record Price(
			@NotNull @Pattern(regexp = "[0-9]+(\\.[0-9]+)?",
					message = "must be a decimal string such as \"89.90\"") @DecimalMin(value = "0",
							inclusive = false) @DecimalMax(value = "1000000",
									inclusive = false) @Digits(integer = 6, fraction = 2) String amount,
			@NotNull @Pattern(regexp = "[A-Z]{3}",
					message = "must be an ISO 4217 code of 3 upper-case letters") String currency) {

		Money toMoney() {
			return new Money(new BigDecimal(this.amount), this.currency);
		}

	}

}
