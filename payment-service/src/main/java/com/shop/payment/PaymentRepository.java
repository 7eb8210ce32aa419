package com.shop.payment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Stored payments. */
interface PaymentRepository extends JpaRepository<Payment, UUID> {

	// A constant query string: a derived query is built and interpreted again on every
	// call, and this one runs for every payment request.
	@Query("select p from Payment p where p.orderId = :orderId")
	Optional<Payment> findByOrderId(UUID orderId);

	@Query("select p from Payment p where p.orderId in :orderIds")
	List<Payment> findAllByOrderIdIn(Collection<UUID> orderIds);

	List<Payment> findFirst100ByOrderByCreatedAtDescPaymentIdDesc();

}
