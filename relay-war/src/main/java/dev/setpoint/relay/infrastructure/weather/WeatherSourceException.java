package dev.setpoint.relay.infrastructure.weather;

/** The weather service did not give a usable answer this time (timeout, 429, 5xx, I/O); retried. */
public class WeatherSourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WeatherSourceException(String message) {
    super(message);
  }

  public WeatherSourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
