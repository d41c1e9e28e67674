/**
 * Ingest's configuration, one typed class per concern ({@code @ConfigProperties}, keys {@code
 * setpoint.ingest.<concern>.<name>}), each key's default written once, in its class. Every layer of
 * the WAR may use these classes; keys that are not ours ({@code jnosql.*}, {@code mp.*}) are not
 * here.
 */
package dev.setpoint.ingest.config;
