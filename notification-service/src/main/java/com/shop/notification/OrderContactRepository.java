package com.shop.notification;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The contacts of the orders this service has seen placed. */
interface OrderContactRepository extends JpaRepository<OrderContact, UUID> {

	/** These orders' contacts with their lines, in one query. */
	@Query("select distinct c from OrderContact c left join fetch c.lines where c.orderId in :orderIds")
	List<OrderContact> findAllWithLines(Collection<UUID> orderIds);

}
