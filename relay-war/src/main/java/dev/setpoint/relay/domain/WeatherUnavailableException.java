package dev.setpoint.relay.domain;

/**
 * No outdoor weather is known for a site: the source failed and nothing was fetched before. The
 * caller carries on without weather.
 */
public class WeatherUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WeatherUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
