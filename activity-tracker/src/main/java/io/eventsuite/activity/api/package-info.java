/**
 * The HTTP API of the activity tracker: recording activity (validation, batch bounds,
 * status codes and response bodies), reading the analytics, and erasing a user.
 */
package io.eventsuite.activity.api;
