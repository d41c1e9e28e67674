/** How the outside reaches analytics: the REST API. */
package dev.setpoint.analytics.interfaces;
