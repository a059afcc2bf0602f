package io.eventsuite.support.web;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Limits count characters as the contract's schemas do: an emoji is one.
 */
class MaxCharactersTests {

	private static final String EMOJI = "\uD83D\uDE00";

	private final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();

	private final Validator validator = this.factory.getValidator();

	@AfterEach
	void close() {
		this.factory.close();
	}

	@Test
	void aTextOfAsManyCharactersAsTheLimitIsValidWhateverItsUtf16Length() {
		assertThat(this.validator.validate(new Note(EMOJI.repeat(3)))).isEmpty();
		assertThat(this.validator.validate(new Note("abc"))).isEmpty();
		assertThat(this.validator.validate(new Note(null))).isEmpty();
	}

	@Test
	void aTextOfMoreCharactersIsInvalidAndSaysTheLimit() {
		Set<ConstraintViolation<Note>> violations = this.validator.validate(new Note(EMOJI.repeat(4)));

		assertThat(violations).extracting(ConstraintViolation::getMessage)
			.containsExactly("must be at most 3 characters");
		assertThat(this.validator.validate(new Note("abcd"))).hasSize(1);
	}

	record Note(@MaxCharacters(3) String text) {
	}

}
