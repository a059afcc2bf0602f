package io.eventsuite.support.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import io.eventsuite.events.Lengths;

/**
 * A text of at most so many characters (Unicode code points), as the contract's JSON
 * Schemas count {@code maxLength}. {@code @Size} counts UTF-16 units, in which an emoji
 * is two: an API limited with it refuses texts the contract allows.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MaxCharacters.Validator.class)
public @interface MaxCharacters {

	/**
	 * The most characters.
	 * @return the limit
	 */
	int value();

	String message() default "must be at most {value} characters";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Checks a text; {@code null} is valid, as for every constraint but {@code @NotNull}.
	 */
	class Validator implements ConstraintValidator<MaxCharacters, CharSequence> {

		private int max;

		@Override
		public void initialize(MaxCharacters constraint) {
			this.max = constraint.value();
		}

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			return value == null || Lengths.within(value.toString(), this.max);
		}

	}

}
