package com.shop.notification;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The record of every notification. */
public interface NotificationRepository extends JpaRepository<Notification, UUID> {

	List<Notification> findByOrderIdOrderByCreatedAtAsc(UUID orderId);

	List<Notification> findTop100ByOrderByCreatedAtDesc();

}
