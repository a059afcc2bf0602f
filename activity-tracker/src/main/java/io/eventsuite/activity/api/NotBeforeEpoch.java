package io.eventsuite.activity.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * An instant no earlier than 1970-01-01T00:00:00Z: an event's time becomes its Kafka
 * timestamp downstream, which cannot be negative, and a device whose clock was reset
 * sends exactly such times.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NotBeforeEpochValidator.class)
@interface NotBeforeEpoch {

	String message() default "must not be before 1970-01-01T00:00:00Z";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
