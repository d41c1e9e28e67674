package dev.setpoint.analytics.infrastructure.influx;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxDBClientOptions;
import dev.setpoint.analytics.config.InfluxConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * Analytics' one InfluxDB client, and so its one HTTP connection pool: the point writer ({@code
 * InfluxTimeSeriesStore}), the history reader ({@code InfluxHistoryStore}) and the health check all
 * use it. A request that gets no answer fails after 2 s to connect, 10 s to send a write, and 15 s
 * to read a history query's result.
 */
@ApplicationScoped
public class InfluxClientProducer {

  @Produces
  @ApplicationScoped
  InfluxDBClient client(InfluxConfig config) {
    InfluxDBClientOptions.Builder options =
        InfluxDBClientOptions.builder()
            .url(config.url)
            .org(config.org)
            .bucket(config.bucket)
            .okHttpClient(
                new OkHttpClient.Builder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .writeTimeout(Duration.ofSeconds(10))
                    .readTimeout(Duration.ofSeconds(15)));
    config
        .token
        .filter(value -> !value.isBlank())
        .ifPresent(value -> options.authenticateToken(value.toCharArray()));
    return InfluxDBClientFactory.create(options.build());
  }

  void close(@Disposes InfluxDBClient client) {
    client.close();
  }
}
