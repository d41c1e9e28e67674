/** The agent's settings: flags over environment over file over defaults, and {@code --help}. */
package dev.setpoint.device.config;
