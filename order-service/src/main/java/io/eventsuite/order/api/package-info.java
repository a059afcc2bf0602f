/**
 * The HTTP API of orders: validation, status codes and response bodies.
 */
package io.eventsuite.order.api;
