package dev.setpoint.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The OpenWeatherMap that the EAR test server is configured with (ear/pom.xml: its base URL, a fake
 * key): a local HTTP server speaking OpenWeatherMap's current-weather JSON, started once per test
 * JVM. Tests set what it answers: a current observation, or a failure status.
 */
final class WeatherStandIn {
  private static HttpServer server;
  private static volatile String body = observation(14.5, 62, 803);
  private static volatile int status = 200;
  private static final AtomicInteger REQUESTS = new AtomicInteger();
  // When the last observation (a 200) was sent: what the relay's weather cache holds is that old.
  private static volatile long lastObservationNanos = System.nanoTime();

  private WeatherStandIn() {}

  /** Starts it on {@code setpoint.it.weather.port} unless it is running. */
  static synchronized void ensureStarted() {
    if (server != null) {
      return;
    }
    try {
      server =
          HttpServer.create(
              new InetSocketAddress("127.0.0.1", Integer.getInteger("setpoint.it.weather.port")),
              0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/data/2.5/weather", WeatherStandIn::answer);
    server.start();
  }

  /** From now on, answers this observation (°C, %RH, OpenWeatherMap condition id). */
  static void observe(double temperatureC, int humidity, int conditionId) {
    body = observation(temperatureC, humidity, conditionId);
    status = 200;
  }

  /** From now on, answers every request with this HTTP status (e.g. 503). */
  static void fail(int httpStatus) {
    body = "{\"cod\":" + httpStatus + ",\"message\":\"stand-in failure\"}";
    status = httpStatus;
  }

  /** Requests answered so far. */
  static int requests() {
    return REQUESTS.get();
  }

  /** Time since the last observation (a 200 answer) was sent, as the relay's cache ages. */
  static Duration sinceLastObservation() {
    return Duration.ofNanos(System.nanoTime() - lastObservationNanos);
  }

  private static String observation(double temperatureC, int humidity, int conditionId) {
    return String.format(
        Locale.ROOT,
        "{\"weather\":[{\"id\":%d,\"main\":\"Clouds\"}],\"main\":{\"temp\":%s,\"humidity\":%d},"
            + "\"dt\":%d,\"name\":\"Gwangju\",\"cod\":200}",
        conditionId,
        Double.toString(temperatureC),
        humidity,
        System.currentTimeMillis() / 1000);
  }

  private static void answer(HttpExchange exchange) throws IOException {
    REQUESTS.incrementAndGet();
    String query = exchange.getRequestURI().getRawQuery();
    int code = status;
    String answer = body;
    if (query == null || !query.contains("appid=it-fake-key") || !query.contains("units=metric")) {
      code = 401;
      answer = "{\"cod\":401,\"message\":\"Invalid API key\"}";
    }
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(code, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
    if (code == 200) {
      lastObservationNanos = System.nanoTime();
    }
  }
}
