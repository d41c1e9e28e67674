/** Analytics' own MongoDB database, shared by the stores that keep the cloud's state. */
package dev.setpoint.analytics.infrastructure.store;
