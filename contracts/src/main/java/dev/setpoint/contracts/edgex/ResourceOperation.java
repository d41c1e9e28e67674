package dev.setpoint.contracts.edgex;

/**
 * One resource a device command reads or writes.
 *
 * @param deviceResource name of a resource of the same profile
 * @param defaultValue optional value written when a command does not give one
 */
public record ResourceOperation(String deviceResource, String defaultValue) {}
