package io.eventsuite.activity.api;

import java.time.Instant;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link NotBeforeEpoch}.
 */
class NotBeforeEpochValidator implements ConstraintValidator<NotBeforeEpoch, Instant> {

	@Override
	public boolean isValid(Instant value, ConstraintValidatorContext context) {
		return value == null || !value.isBefore(Instant.EPOCH);
	}

}
