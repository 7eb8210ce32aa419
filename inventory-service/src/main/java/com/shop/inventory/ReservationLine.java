package com.shop.inventory;

/** A quantity of one sku held by a reservation. */
record ReservationLine(String sku, int quantity) {
}
