/**
 * Analytics' typed configuration: one {@code @ConfigProperties} class per concern, keys {@code
 * setpoint.analytics.<concern>.<name>}, each key's default on its field (nowhere else). Every layer
 * of this WAR may use these classes; producers build application services from them.
 */
package dev.setpoint.analytics.config;
