package com.shop.inventory;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A reservation ends once: committed or released, never both, never after a rejection.
 */
class ReservationTest {

	private final Reservation held = Reservation.held(UUID.randomUUID(), List.of(new ReservationLine("KB-001", 2)));

	@Test
	void aHeldReservationCanBeCommitted() {
		this.held.commit();

		assertThat(this.held.status()).isEqualTo(ReservationStatus.COMMITTED);
		assertThat(this.held.isHeld()).isFalse();
	}

	@Test
	void aHeldReservationCanBeReleased() {
		this.held.release();

		assertThat(this.held.status()).isEqualTo(ReservationStatus.RELEASED);
	}

	@Test
	void anEndedReservationCannotEndAgain() {
		this.held.commit();

		assertThatIllegalStateException().isThrownBy(this.held::release);
		assertThatIllegalStateException().isThrownBy(this.held::commit);
		assertThat(this.held.status()).isEqualTo(ReservationStatus.COMMITTED);
	}

	@Test
	void aRejectedReservationHoldsNothing() {
		Reservation rejected = Reservation.rejected(UUID.randomUUID());

		assertThat(rejected.isHeld()).isFalse();
		assertThat(rejected.lines()).isEmpty();
		assertThatIllegalStateException().isThrownBy(rejected::release);
	}

}
