/**
 * End-to-end tests: the EAR on Liberty against the real single-machine stack started by {@code
 * ./setpoint test}, from an HTTP post to a point in InfluxDB, and through dependency outages.
 */
package dev.setpoint.it;
