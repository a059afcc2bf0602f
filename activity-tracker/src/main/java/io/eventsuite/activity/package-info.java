/**
 * The activity tracker. {@code api} is the HTTP face, {@code messaging} writes the
 * {@code user-activity} topic.
 */
package io.eventsuite.activity;
