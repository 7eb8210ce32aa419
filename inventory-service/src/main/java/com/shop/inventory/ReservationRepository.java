package com.shop.inventory;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Reservations by order id. */
interface ReservationRepository extends JpaRepository<Reservation, UUID> {

}
