package com.shop.inventory;

import jakarta.persistence.Embeddable;

/** A quantity of one sku held by a reservation. */
@Embeddable
record ReservationLine(String sku, int quantity) {
}
