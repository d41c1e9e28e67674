package dev.setpoint.relay.infrastructure.weather;

/**
 * The weather service refused the request (401 bad or missing key, other 4xx but 429) or answered
 * something that is not current weather: asking again at once would get the same, so it is not
 * retried.
 */
public class WeatherRequestRejectedException extends WeatherSourceException {
  private static final long serialVersionUID = 1L;

  public WeatherRequestRejectedException(String message) {
    super(message);
  }

  public WeatherRequestRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
