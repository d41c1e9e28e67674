package dev.setpoint.ingest.config;

import jakarta.enterprise.context.Dependent;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The edge buffer's batch writer, {@code setpoint.ingest.write.*}: concurrent posts are written
 * together, up to {@code batch-max} events per insertMany. A full queue answers 503 at once; a post
 * waiting longer than {@code timeout} answers 503 (the event may or may not be stored; posting it
 * again with the same id is safe).
 */
@Dependent
@ConfigProperties(prefix = "setpoint.ingest.write")
public class WriteQueueConfig {
  @ConfigProperty(name = "batch-max", defaultValue = "256")
  public int batchMax;

  @ConfigProperty(name = "queue-capacity", defaultValue = "1024")
  public int queueCapacity;

  @ConfigProperty(name = "timeout", defaultValue = "PT5S")
  public Duration timeout;
}
