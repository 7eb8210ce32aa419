package com.shop.inventory.web;

import java.util.List;

import com.shop.inventory.Catalog;
import com.shop.inventory.StockLimitExceededException;
import com.shop.web.FieldError;
import com.shop.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The product API: read the catalog with its stock, describe and restock products. */
@RestController
@RequestMapping("/api/products")
class ProductController {

	private final Catalog catalog;

	ProductController(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping
	List<ProductView> all() {
		return this.catalog.all().stream().map(ProductView::of).toList();
	}

	@GetMapping("/{sku}")
	ProductView one(@PathVariable String sku) {
		return this.catalog.find(sku).map(ProductView::of).orElseThrow(() -> Problems.notFound("product", sku));
	}

	/** Creates the product (201, without stock) or replaces its description (200). */
	@PutMapping("/{sku}")
	ResponseEntity<ProductView> put(
			@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,64}",
					message = "must be 1 to 64 letters, digits or dashes") String sku,
			@Valid @RequestBody ProductRequest request) {
		Catalog.Upserted upserted = this.catalog.upsert(sku, request.name(), request.unitPrice().toMoney(),
				request.active());
		ProductView view = ProductView.of(upserted.product());
		if (upserted.created()) {
			return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().build().toUri())
				.body(view);
		}
		return ResponseEntity.ok(view);
	}

	@PostMapping("/{sku}/restock")
	ProductView restock(@PathVariable String sku, @Valid @RequestBody RestockRequest request) {
		try {
			return this.catalog.restock(sku, request.quantity())
				.map(ProductView::of)
				.orElseThrow(() -> Problems.notFound("product", sku));
		}
		catch (StockLimitExceededException ex) {
			throw Problems.unprocessable(ex.getMessage(),
					List.of(new FieldError("quantity", "would take the stock beyond its maximum")));
		}
	}

}
