package dev.setpoint.device.config;

/** The configuration is wrong; the message names the key and where it came from. */
public class ConfigException extends Exception {
  public ConfigException(String message) {
    super(message);
  }
}
