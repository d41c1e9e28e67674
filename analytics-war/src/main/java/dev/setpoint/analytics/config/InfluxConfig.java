package dev.setpoint.analytics.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The time-series store ({@code setpoint.analytics.influx.*}). InfluxDB 2.x/3.x: url, org, bucket
 * and a token (from a Secret, as {@code SETPOINT_ANALYTICS_INFLUX_TOKEN}). InfluxDB 1.x behind the
 * stack's {@code /api/v2/write} route: the bucket is the database, the token unused.
 */
@Dependent
public class InfluxConfig {
  /** Base URL of InfluxDB's HTTP API. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.influx.url", defaultValue = "http://127.0.0.1:8086")
  public String url;

  /** The organization written to (InfluxDB 2.x/3.x). */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.influx.org", defaultValue = "setpoint")
  public String org;

  /** The bucket written to and, as the InfluxQL database, read from. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.influx.bucket", defaultValue = "setpoint")
  public String bucket;

  /** The API token of InfluxDB 2.x/3.x; unset or blank for InfluxDB 1.x. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.influx.token")
  public Optional<String> token;
}
