/**
 * Analytics' REST API: the KServe v2 and TensorFlow Serving predict APIs and the operator's model
 * endpoints, with JSON error bodies naming the input at fault.
 */
package dev.setpoint.analytics.interfaces.rest;
