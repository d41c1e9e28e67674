package dev.setpoint.analytics.infrastructure.timeseries;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxDBClientOptions;
import com.influxdb.client.WriteApiBlocking;
import dev.setpoint.analytics.domain.TimeSeriesStore;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes climate points with influxdb-client-java's blocking write API: when {@link #write}
 * returns, InfluxDB has the point. One client, created at startup, serves every write and probe.
 */
@ApplicationScoped
public class InfluxTimeSeriesStore implements TimeSeriesStore {
  private final InfluxDBClient client;
  private final WriteApiBlocking writes;

  @Inject
  public InfluxTimeSeriesStore(
      @ConfigProperty(name = "setpoint.influx.url") String url,
      @ConfigProperty(name = "setpoint.influx.org") String org,
      @ConfigProperty(name = "setpoint.influx.bucket") String bucket,
      @ConfigProperty(name = "setpoint.influx.token") Optional<String> token) {
    InfluxDBClientOptions.Builder options =
        InfluxDBClientOptions.builder()
            .url(url)
            .org(org)
            .bucket(bucket)
            .okHttpClient(
                new OkHttpClient.Builder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .readTimeout(Duration.ofSeconds(10))
                    .writeTimeout(Duration.ofSeconds(10)));
    token
        .filter(value -> !value.isBlank())
        .ifPresent(value -> options.authenticateToken(value.toCharArray()));
    this.client = InfluxDBClientFactory.create(options.build());
    this.writes = client.getWriteApiBlocking();
  }

  /** For CDI's proxy only. */
  protected InfluxTimeSeriesStore() {
    this.client = null;
    this.writes = null;
  }

  @Override
  public void write(TelemetryMessage message) {
    writes.writePoint(ClimatePoints.of(message));
  }

  @Override
  public boolean isReachable() {
    return client.ping();
  }

  @PreDestroy
  void close() {
    client.close();
  }
}
