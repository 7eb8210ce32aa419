package com.shop.notification.webhook;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The registered webhook endpoints. */
interface WebhookEndpointRepository extends JpaRepository<WebhookEndpoint, UUID> {

	List<WebhookEndpoint> findByStatus(WebhookEndpoint.Status status);

	List<WebhookEndpoint> findAllByOrderByCreatedAtAsc();

}
