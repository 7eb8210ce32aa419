package com.shop.persistence;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * An entity whose id the code assigns (a UUID made here, or another entity's id). Spring
 * Data cannot tell from such an id whether the entity is new, so {@code save()} would
 * merge it, which reads the row before inserting it. A subclass calls {@link #markNew()}
 * where it creates one; a loaded or stored entity is not new.
 *
 * @param <ID> the id's type
 */
@MappedSuperclass
public abstract class AssignedIdEntity<ID> implements Persistable<ID> {

	@Transient
	private boolean isNew;

	/** Saving it inserts it, without a select first. */
	protected void markNew() {
		this.isNew = true;
	}

	@Override
	public boolean isNew() {
		return this.isNew;
	}

	@PostLoad
	@PostPersist
	void markStored() {
		this.isNew = false;
	}

}
