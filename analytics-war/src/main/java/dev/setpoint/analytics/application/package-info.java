/** Use cases of analytics: recording telemetry in the time-series store, recommending setpoints. */
package dev.setpoint.analytics.application;
