/**
 * What every eventsuite service shares and would otherwise write three times: property
 * defaults, topic declaration, event publishing and problem details. Services get it by
 * depending on this module.
 */
package io.eventsuite.support;
