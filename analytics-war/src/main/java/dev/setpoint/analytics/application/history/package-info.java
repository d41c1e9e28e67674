/**
 * Operators' reads of the history: turning request parameters into a validated {@link
 * dev.setpoint.analytics.domain.history.SeriesQuery} (range, downsampling interval) and assembling
 * a device's series with its latest recommendation.
 */
package dev.setpoint.analytics.application.history;
