package io.eventsuite.activity.api;

/**
 * The analytics have no profile of a user: they never saw the user, or the user was
 * erased.
 */
class UnknownUserException extends RuntimeException {

	UnknownUserException(String userId) {
		super("No activity of user " + userId + " is known");
	}

}
