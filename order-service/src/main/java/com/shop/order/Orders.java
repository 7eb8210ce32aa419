package com.shop.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

/**
 * The orders. State changes load the order with a row lock, so they apply one at a time.
 */
interface Orders extends JpaRepository<Order, UUID> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select o from PurchaseOrder o where o.id = :id")
	Optional<Order> findForUpdate(UUID id);

	// A constant query string: a derived query is built and interpreted again on every
	// call, and this one runs for every placement with an Idempotency-Key.
	@Query("select o from PurchaseOrder o where o.idempotencyKey = :idempotencyKey")
	Optional<Order> findByIdempotencyKey(String idempotencyKey);

	@Query("""
			select o from PurchaseOrder o
			where (:customerId is null or o.customerId = :customerId) and (:status is null or o.status = :status)
			""")
	Page<Order> search(String customerId, OrderStatus status, Pageable pageable);

	/**
	 * Open orders untouched since the cutoff, skipping any another instance is handling.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
	@Query("select o from PurchaseOrder o where o.status in ('PENDING', 'RESERVED') and o.updatedAt < :cutoff order by o.updatedAt")
	List<Order> findStale(Instant cutoff, Pageable pageable);

}
