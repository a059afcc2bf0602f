package io.eventsuite.events.activity;

/**
 * What a user did.
 */
public enum ActivityType {

	PAGE_VIEW, CLICK, SEARCH, ADD_TO_CART, REMOVE_FROM_CART, CHECKOUT, LOGIN, LOGOUT

}
