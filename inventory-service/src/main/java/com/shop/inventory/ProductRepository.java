package com.shop.inventory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/**
 * Products. Every change loads its rows with a write lock first, so concurrent changes of
 * one product queue up instead of overwriting each other's stock.
 */
interface ProductRepository extends JpaRepository<Product, String> {

	List<Product> findAllByOrderBySku();

	/**
	 * Locks the products in sku order: transactions that lock several products always
	 * take the locks in the same order, so they cannot deadlock.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from Product p where p.sku in :skus order by p.sku")
	List<Product> lockAllInSkuOrder(Collection<String> skus);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from Product p where p.sku = :sku")
	Optional<Product> lock(String sku);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from Product p where p.catalogPublished = false order by p.sku")
	List<Product> lockUnpublished();

}
