/** Ports of analytics, named for the domain; adapters live in {@code infrastructure}. */
package dev.setpoint.analytics.domain;
