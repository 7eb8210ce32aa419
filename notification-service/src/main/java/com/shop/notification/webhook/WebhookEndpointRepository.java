package com.shop.notification.webhook;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The registered webhook endpoints. */
interface WebhookEndpointRepository extends JpaRepository<WebhookEndpoint, UUID> {

	// A constant query string: a derived query is built and interpreted again on every
	// call, and this one runs for every consumed event.
	@Query("select e from WebhookEndpoint e where e.status = :status")
	List<WebhookEndpoint> findByStatus(WebhookEndpoint.Status status);

	List<WebhookEndpoint> findAllByOrderByCreatedAtAsc();

}
