/** Use cases of analytics: recording telemetry in the time-series store. */
package dev.setpoint.analytics.application;
