/**
 * The agent's settings: flags over environment over file over defaults, and {@code --help} ({@link
 * dev.setpoint.device.config.Settings}, {@link dev.setpoint.device.config.Key}); read once into
 * typed values ({@link dev.setpoint.device.config.AgentConfig}) for the factories.
 */
package dev.setpoint.device.config;
