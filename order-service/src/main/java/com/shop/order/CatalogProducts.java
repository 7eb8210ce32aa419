package com.shop.order;

import org.springframework.data.jpa.repository.JpaRepository;

/** The catalog replica's products, by sku. */
interface CatalogProducts extends JpaRepository<CatalogProduct, String> {

}
