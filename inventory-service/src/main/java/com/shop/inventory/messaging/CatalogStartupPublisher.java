package com.shop.inventory.messaging;

import com.shop.inventory.Catalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Publishes products that were never published (those seeded by migrations) once the
 * service has started, so the catalog topic holds every product.
 */
@Component
class CatalogStartupPublisher implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CatalogStartupPublisher.class);

	private final Catalog catalog;

	CatalogStartupPublisher(Catalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public void run(ApplicationArguments args) {
		int published = this.catalog.publishPending();
		if (published > 0) {
			log.info("Published {} products to the catalog", published);
		}
	}

}
