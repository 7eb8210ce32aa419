package com.shop.inventory.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The body of {@code POST /api/products/{sku}/restock}: how many units arrived. */
record RestockRequest(@NotNull @Min(1) @Max(1_000_000) Integer quantity) {
}
