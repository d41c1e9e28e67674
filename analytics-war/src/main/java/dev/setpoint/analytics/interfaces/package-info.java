/** How operators and other services reach analytics. */
package dev.setpoint.analytics.interfaces;
