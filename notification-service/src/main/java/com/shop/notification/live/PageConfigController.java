package com.shop.notification.live;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells the store page which services to call: {@code GET /api/page/config}. */
@RestController
class PageConfigController {

	private final PageSettings settings;

	PageConfigController(PageSettings settings) {
		this.settings = settings;
	}

	@GetMapping("/api/page/config")
	PageConfig config() {
		return new PageConfig(this.settings.orderServiceUrl(), this.settings.inventoryServiceUrl());
	}

	/** The page's settings as JSON. */
	record PageConfig(String orderServiceUrl, String inventoryServiceUrl) {
	}

}
