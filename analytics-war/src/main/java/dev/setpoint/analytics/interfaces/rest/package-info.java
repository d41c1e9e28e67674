/**
 * Analytics' REST API: the history of climate and recommendations for the dashboard and the
 * dashboard's public configuration under {@code /analytics/api/v1}, rooms, alerts, notifications,
 * energy and reports, the model's endpoints, and the KServe v2 and TensorFlow Serving predict APIs.
 * Every resource method states who may call it ({@link dev.setpoint.contracts.security.Public},
 * {@link dev.setpoint.contracts.security.Requires} with the least role, or {@link
 * dev.setpoint.analytics.interfaces.rest.ScrapeTokenOr}); {@link
 * dev.setpoint.analytics.interfaces.rest.AccessFilter} refuses a method without a rule. Errors are
 * JSON bodies naming the parameter or input at fault.
 */
package dev.setpoint.analytics.interfaces.rest;
