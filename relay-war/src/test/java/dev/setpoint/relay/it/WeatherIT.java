package dev.setpoint.relay.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The relay's OpenWeatherMap provider inside Liberty (so its Fault Tolerance annotations act),
 * against a local server speaking OpenWeatherMap's JSON. The relay reaches it through {@code
 * SETPOINT_RELAY_WEATHER_OPENWEATHERMAP_BASE_URL} with a fake key, and caches nothing ({@code
 * SETPOINT_RELAY_WEATHER_CACHE_TTL=PT0S}), both set by Failsafe for the server it starts. Each test
 * uses its own latitude, which the local server answers by its own script.
 */
@ExtendWith(ArquillianExtension.class)
class WeatherIT {
  private static final String KEY = "it-fake-key";
  private static HttpServer owm;
  private static final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();
  private static final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private static final AtomicInteger latitudes = new AtomicInteger();

  @ArquillianResource private URL base;

  /** One scripted answer: status, body and a delay before it. */
  private record Answer(int status, String body, long delayMs) {}

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/relay.war"))
        .addClass(WeatherProbeServlet.class);
  }

  @BeforeAll
  static void startOpenWeatherMap() throws IOException {
    int port = Integer.getInteger("setpoint.it.weather.port");
    owm = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    owm.setExecutor(Executors.newCachedThreadPool());
    owm.createContext("/data/2.5/weather", WeatherIT::answer);
    owm.start();
  }

  @AfterAll
  static void stopOpenWeatherMap() {
    owm.stop(0);
  }

  private static void answer(HttpExchange exchange) throws IOException {
    Map<String, String> query = new HashMap<>();
    for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    String lat = query.get("lat");
    requests.computeIfAbsent(lat, k -> new AtomicInteger()).incrementAndGet();
    Answer answer;
    if (!KEY.equals(query.get("appid")) || !"metric".equals(query.get("units"))) {
      answer = new Answer(400, "{\"cod\":400,\"message\":\"bad request\"}", 0);
    } else {
      Deque<Answer> script = scripts.get(lat);
      answer = script == null ? null : script.size() > 1 ? script.poll() : script.peek();
      if (answer == null) {
        answer = new Answer(404, "{\"cod\":\"404\",\"message\":\"city not found\"}", 0);
      }
    }
    try {
      Thread.sleep(answer.delayMs()); // the slow server under test, not a wait in the test
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    try {
      exchange.sendResponseHeaders(answer.status(), body.length);
      exchange.getResponseBody().write(body);
    } catch (IOException e) {
      // the relay gave up on a slow answer and closed the connection
    }
    exchange.close();
  }

  private static String weather(double temp, int humidity, int id, long dt) {
    return "{\"weather\":[{\"id\":"
        + id
        + ",\"main\":\"Clouds\"}],\"main\":{\"temp\":"
        + temp
        + ",\"humidity\":"
        + humidity
        + "},\"dt\":"
        + dt
        + ",\"name\":\"Gwangju\",\"cod\":200}";
  }

  /** A latitude no other test uses, with its server script. */
  private static String site(Answer... answers) {
    String lat = "10." + latitudes.incrementAndGet();
    scripts.put(lat, new ConcurrentLinkedDeque<>(java.util.List.of(answers)));
    return lat;
  }

  private static int requestsFor(String lat) {
    AtomicInteger count = requests.get(lat);
    return count == null ? 0 : count.get();
  }

  private HttpResponse<String> probe(String lat) throws Exception {
    return probe(lat, "");
  }

  private HttpResponse<String> probe(String lat, String extra) throws Exception {
    URI uri =
        URI.create(
            "http://"
                + base.getHost()
                + ":"
                + base.getPort()
                + "/relay/it/weather?site=s"
                + lat.replace('.', '-')
                + "&lat="
                + lat
                + "&lon=126.85"
                + extra);
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static Properties fields(HttpResponse<String> response) throws IOException {
    assertEquals(200, response.statusCode(), response.body());
    Properties fields = new Properties();
    fields.load(new StringReader(response.body()));
    return fields;
  }

  private static final Answer OK = new Answer(200, weather(8.72, 87, 804, 1_764_316_800L), 0);

  @Test
  void aGoodAnswerIsReadInMetricUnitsWithTheKey() throws Exception {
    String lat = site(OK);
    Properties weather = fields(probe(lat));
    assertEquals("8.72", weather.getProperty("temperature"));
    assertEquals("87.0", weather.getProperty("humidity"));
    assertEquals("4", weather.getProperty("category"));
    assertEquals("1764316800", weather.getProperty("observedAt"));
    assertEquals("openweathermap", weather.getProperty("source"));
    assertEquals("false", weather.getProperty("stale"));
    assertEquals("false", weather.getProperty("simulated"));
    assertEquals(1, requestsFor(lat));
  }

  @Test
  void withAKeyConfiguredTheRelaysWeatherProviderIsOpenWeatherMap() throws Exception {
    String lat = site(OK);
    Properties weather = fields(probe(lat, "&provider=configured"));
    assertEquals("openweathermap", weather.getProperty("source"));
    assertEquals("false", weather.getProperty("simulated"));
    assertEquals(1, requestsFor(lat));
  }

  @Test
  void unauthorizedIsNotRetriedAndWithNothingKnownThereIsNoWeather() throws Exception {
    String lat = site(new Answer(401, "{\"cod\":401,\"message\":\"Invalid API key.\"}", 0));
    HttpResponse<String> response = probe(lat);
    assertEquals(503, response.statusCode(), response.body());
    assertTrue(response.body().contains("no outdoor weather for site"), response.body());
    assertFalse(response.body().contains(KEY), "the key never appears in a message");
    assertEquals(1, requestsFor(lat), "a 401 is asked once");
  }

  @Test
  void afterAGoodAnswerA401ServesTheLastKnownValueStale() throws Exception {
    String lat = site(OK, new Answer(401, "{\"cod\":401}", 0));
    assertEquals("false", fields(probe(lat)).getProperty("stale"));
    Properties weather = fields(probe(lat));
    assertEquals("true", weather.getProperty("stale"));
    assertEquals("8.72", weather.getProperty("temperature"));
    assertTrue(Long.parseLong(weather.getProperty("ageSeconds")) > 0);
    assertEquals(2, requestsFor(lat));
  }

  @Test
  void tooManyRequestsIsRetriedThenServedFresh() throws Exception {
    String lat = site(new Answer(429, "{\"cod\":429}", 0), new Answer(429, "{\"cod\":429}", 0), OK);
    Properties weather = fields(probe(lat));
    assertEquals("false", weather.getProperty("stale"));
    assertEquals(3, requestsFor(lat), "two retries");
  }

  @Test
  void serverErrorsAreRetriedAtMostTwiceThenTheLastKnownValueIsServedStale() throws Exception {
    String lat = site(OK, new Answer(503, "oops", 0));
    fields(probe(lat));
    Properties weather = fields(probe(lat));
    assertEquals("true", weather.getProperty("stale"));
    assertEquals(1 + 3, requestsFor(lat), "one good, then three attempts");
  }

  @Test
  void aSlowAnswerTimesOutAndTheLastKnownValueIsServedStale() throws Exception {
    String lat = site(OK, new Answer(200, weather(30, 50, 800, 1_764_400_000L), 10_000));
    fields(probe(lat));
    long start = System.nanoTime();
    Properties weather = fields(probe(lat));
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    assertEquals("true", weather.getProperty("stale"));
    assertEquals("8.72", weather.getProperty("temperature"), "not the slow answer's value");
    assertTrue(tookMs < 9_000, "bounded by timeout and retries, took " + tookMs + " ms");
  }

  @Test
  void aMalformedAnswerIsAFailureNotZerosAndIsNotRetried() throws Exception {
    String lat =
        site(OK, new Answer(200, "{\"main\":{\"temp\":8.7},\"weather\":[{\"id\":500}]}", 0));
    fields(probe(lat));
    Properties weather = fields(probe(lat));
    assertEquals("true", weather.getProperty("stale"));
    assertEquals("8.72", weather.getProperty("temperature"));
    assertEquals(2, requestsFor(lat));

    String never = site(new Answer(200, "<html>gateway</html>", 0));
    assertEquals(503, probe(never).statusCode());
  }
}
