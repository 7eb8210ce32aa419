package com.shop.notification;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The contacts of the orders this service has seen placed. */
interface OrderContactRepository extends JpaRepository<OrderContact, UUID> {

}
