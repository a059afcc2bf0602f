package io.eventsuite.activity.api;

import java.time.Instant;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import io.eventsuite.events.activity.ActivityRecorded;

/**
 * Checks {@link NotFarInFuture} against this service's clock.
 */
class NotFarInFutureValidator implements ConstraintValidator<NotFarInFuture, Instant> {

	@Override
	public boolean isValid(Instant value, ConstraintValidatorContext context) {
		return value == null || !value.isAfter(Instant.now().plus(ActivityRecorded.MAX_CLOCK_SKEW));
	}

}
