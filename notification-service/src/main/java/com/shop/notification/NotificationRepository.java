package com.shop.notification;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.shop.events.Channel;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The record of every notification. */
public interface NotificationRepository extends JpaRepository<Notification, UUID> {

	List<Notification> findByOrderIdOrderByCreatedAtAsc(UUID orderId);

	List<Notification> findTop100ByOrderByCreatedAtDesc();

	// A constant query string: a derived query is built and interpreted again on every
	// call, and this one runs for every notice.
	@Query("select n from Notification n where n.orderId = :orderId and n.template = :template and n.channel = :channel")
	Optional<Notification> findByOrderIdAndTemplateAndChannel(UUID orderId, String template, Channel channel);

}
