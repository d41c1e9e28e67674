/**
 * The relay's typed configuration: one {@code @ConfigProperties} class per concern, keys {@code
 * setpoint.relay.<concern>.<name>}, each default written once, here. Any layer of the relay may
 * inject them ({@code @Inject @ConfigProperties ForwardingConfig config}).
 */
package dev.setpoint.relay.config;
