package io.eventsuite.activity.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import io.eventsuite.events.activity.ActivityRecorded;

/**
 * An instant no later than now plus {@link ActivityRecorded#MAX_CLOCK_SKEW}: a client's
 * clock may run a little ahead, but an event from the future would distort every
 * event-time window downstream.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NotFarInFutureValidator.class)
@interface NotFarInFuture {

	String message() default "must not be more than 5 minutes in the future";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
