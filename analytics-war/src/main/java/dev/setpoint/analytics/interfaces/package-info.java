/** How operators and other services reach analytics: the REST API. */
package dev.setpoint.analytics.interfaces;
