package com.shop.payment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Stored payments. */
interface PaymentRepository extends JpaRepository<Payment, UUID> {

	Optional<Payment> findByOrderId(UUID orderId);

	List<Payment> findFirst100ByOrderByCreatedAtDescPaymentIdDesc();

}
