package dev.setpoint.analytics.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Requests per second of the running server's predict APIs: a closed loop of {@value #THREADS}
 * clients, each sending the next request when the last answered (one row of 37 features, the
 * report's single-window request, and 19 rows, a recommendation's batch). Needs the server: {@code
 * -Dbench.base=http://127.0.0.1:9080/analytics/api -Dbench.token=<operator JWT>}; every answer must be
 * 200, else the run fails.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Threads(PredictApiBenchmark.THREADS)
@Fork(1)
public class PredictApiBenchmark {
  static final int THREADS = 4;

  private HttpClient http;
  private HttpRequest kserve1;
  private HttpRequest kserve19;
  private HttpRequest tensorflow1;

  @Setup
  public void setUp() {
    String base = System.getProperty("bench.base", "http://127.0.0.1:9080/analytics/api");
    String token = System.getProperty("bench.token", "");
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    kserve1 = post(base + "/v2/models/setpoint-thermal/infer", token, kserve(1));
    kserve19 = post(base + "/v2/models/setpoint-thermal/infer", token, kserve(19));
    tensorflow1 =
        post(base + "/v1/models/setpoint-thermal:predict", token, "{\"instances\":[" + row(22) + "]}");
  }

  private static String row(double candidate) {
    StringBuilder row = new StringBuilder("[");
    for (int s = 0; s < 6; s++) {
      row.append("24.1,45.2,27.5,70.3,3,22.0,");
    }
    return row.append(candidate).append("]").toString();
  }

  private static String kserve(int rows) {
    StringBuilder data = new StringBuilder();
    for (int r = 0; r < rows; r++) {
      String row = row(18 + 0.5 * r);
      data.append(r == 0 ? "" : ",").append(row, 1, row.length() - 1);
    }
    return "{\"inputs\":[{\"name\":\"features\",\"shape\":["
        + rows
        + ",37],\"datatype\":\"FP32\",\"data\":["
        + data
        + "]}]}";
  }

  private static HttpRequest post(String uri, String token, String body) {
    return HttpRequest.newBuilder(URI.create(uri))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token)
        .timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private String send(HttpRequest request) throws Exception {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  @Benchmark
  public String kserveOneRow() throws Exception {
    return send(kserve1);
  }

  @Benchmark
  public String kserveNineteenRows() throws Exception {
    return send(kserve19);
  }

  @Benchmark
  public String tensorflowOneRow() throws Exception {
    return send(tensorflow1);
  }
}
