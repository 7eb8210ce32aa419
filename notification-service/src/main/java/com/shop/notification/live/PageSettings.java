package com.shop.notification.live;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the store page ({@code /}) finds the services it calls from the browser
 * ({@code shop.page.*}).
 *
 * @param orderServiceUrl base URL of order-service as the browser sees it
 * @param inventoryServiceUrl base URL of inventory-service as the browser sees it
 */
@ConfigurationProperties("shop.page")
record PageSettings(@DefaultValue("http://localhost:8080") String orderServiceUrl,
		@DefaultValue("http://localhost:8081") String inventoryServiceUrl) {

}
