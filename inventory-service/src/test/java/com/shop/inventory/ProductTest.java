package com.shop.inventory;

import com.shop.events.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stock arithmetic of a product: available never goes below zero. */
class ProductTest {

	private static Product withStock(int onHand) {
		Product product = new Product("KB-001", "Mechanical keyboard", Money.of("89.90", "EUR"), true);
		if (onHand > 0) {
			product.restock(onHand);
		}
		return product;
	}

	@Test
	void aNewProductHasNoStock() {
		Product product = withStock(0);

		assertThat(product.onHand()).isZero();
		assertThat(product.reserved()).isZero();
		assertThat(product.available()).isZero();
		assertThat(product.canReserve(1)).isFalse();
	}

	@Test
	void restockAddsToOnHandAndAvailable() {
		Product product = withStock(5);

		product.restock(3);

		assertThat(product.onHand()).isEqualTo(8);
		assertThat(product.available()).isEqualTo(8);
	}

	@Test
	void reserveHoldsUnitsThatStayOnHand() {
		Product product = withStock(10);

		product.reserve(4);

		assertThat(product.onHand()).isEqualTo(10);
		assertThat(product.reserved()).isEqualTo(4);
		assertThat(product.available()).isEqualTo(6);
	}

	@Test
	void reserveTakesTheLastUnit() {
		Product product = withStock(3);

		product.reserve(3);

		assertThat(product.available()).isZero();
		assertThat(product.canReserve(1)).isFalse();
	}

	@Test
	void reserveRefusesMoreThanAvailableAndChangesNothing() {
		Product product = withStock(3);
		product.reserve(2);

		assertThat(product.canReserve(2)).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> product.reserve(2)).withMessageContaining("1 available");
		assertThat(product.reserved()).isEqualTo(2);
		assertThat(product.available()).isEqualTo(1);
	}

	@Test
	void releaseMakesHeldUnitsAvailableAgain() {
		Product product = withStock(5);
		product.reserve(4);

		product.release(3);

		assertThat(product.onHand()).isEqualTo(5);
		assertThat(product.reserved()).isEqualTo(1);
		assertThat(product.available()).isEqualTo(4);
	}

	@Test
	void releaseRefusesMoreThanReserved() {
		Product product = withStock(5);
		product.reserve(2);

		assertThatIllegalStateException().isThrownBy(() -> product.release(3));
		assertThat(product.reserved()).isEqualTo(2);
	}

	@Test
	void commitTakesHeldUnitsOffTheStock() {
		Product product = withStock(10);
		product.reserve(4);

		product.commit(4);

		assertThat(product.onHand()).isEqualTo(6);
		assertThat(product.reserved()).isZero();
		assertThat(product.available()).isEqualTo(6);
	}

	@Test
	void commitRefusesUnitsThatWereNotReserved() {
		Product product = withStock(10);
		product.reserve(2);

		assertThatIllegalStateException().isThrownBy(() -> product.commit(3));
		assertThat(product.onHand()).isEqualTo(10);
		assertThat(product.reserved()).isEqualTo(2);
	}

	@Test
	void quantitiesMustBePositive() {
		Product product = withStock(10);

		assertThatIllegalArgumentException().isThrownBy(() -> product.reserve(0));
		assertThatIllegalArgumentException().isThrownBy(() -> product.reserve(-1));
		assertThatIllegalArgumentException().isThrownBy(() -> product.release(-1));
		assertThatIllegalArgumentException().isThrownBy(() -> product.commit(0));
		assertThatIllegalArgumentException().isThrownBy(() -> product.restock(0));
		assertThat(product.onHand()).isEqualTo(10);
		assertThat(product.reserved()).isZero();
	}

	@Test
	void restockRefusesToOverflowTheStock() {
		Product product = withStock(Integer.MAX_VALUE - 1);

		assertThatThrownBy(() -> product.restock(2)).isInstanceOf(StockLimitExceededException.class);
		assertThat(product.onHand()).isEqualTo(Integer.MAX_VALUE - 1);
	}

	@Test
	void describeChangesTheCatalogEntryButNotTheStock() {
		Product product = withStock(7);
		product.reserve(2);

		product.describe("Quiet keyboard", Money.of("79.00", "EUR"), false);

		assertThat(product.catalogEntry().name()).isEqualTo("Quiet keyboard");
		assertThat(product.catalogEntry().unitPrice()).isEqualTo(Money.of("79.00", "EUR"));
		assertThat(product.catalogEntry().active()).isFalse();
		assertThat(product.onHand()).isEqualTo(7);
		assertThat(product.reserved()).isEqualTo(2);
	}

}
