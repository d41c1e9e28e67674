/**
 * Analytics' REST API under {@code /analytics/api}: the history of climate and recommendations for
 * the dashboard (operators only, MicroProfile JWT), and the dashboard's public configuration.
 */
package dev.setpoint.analytics.interfaces.rest;
