/**
 * Analytics' REST API: the history of climate and recommendations for the dashboard and the
 * dashboard's public configuration under {@code /analytics/api/v1}, the operator's model endpoints,
 * and the KServe v2 and TensorFlow Serving predict APIs; operators only where marked {@link
 * dev.setpoint.analytics.interfaces.rest.OperatorOnly}, errors as JSON bodies naming the parameter
 * or input at fault.
 */
package dev.setpoint.analytics.interfaces.rest;
