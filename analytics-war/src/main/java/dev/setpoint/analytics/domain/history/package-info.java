/**
 * What operators read back: climate samples of a device or site over a time range, the devices with
 * when they were last seen, the sites, and the latest recommendation; {@link
 * dev.setpoint.analytics.domain.history.HistoryStore} is where they come from.
 */
package dev.setpoint.analytics.domain.history;
