package dev.setpoint.ingest.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The edge buffer's batch writer, {@code setpoint.ingest.write.*}: concurrent posts are written
 * together, up to {@code batch-max} events per batch document of the edge buffer's log. A full
 * queue answers 503 at once; a post waiting longer than {@code timeout} answers 503 (the event may
 * or may not be stored; posting it again with the same id is safe). The log's sequence numbers are
 * reserved up to {@code sequence-block} at a time while posts keep coming.
 */
@Dependent
public class WriteQueueConfig {
  @Inject
  @ConfigProperty(name = "setpoint.ingest.write.batch-max", defaultValue = "256")
  public int batchMax;

  @Inject
  @ConfigProperty(name = "setpoint.ingest.write.queue-capacity", defaultValue = "1024")
  public int queueCapacity;

  @Inject
  @ConfigProperty(name = "setpoint.ingest.write.timeout", defaultValue = "PT5S")
  public Duration timeout;

  @Inject
  @ConfigProperty(name = "setpoint.ingest.write.sequence-block", defaultValue = "256")
  public int sequenceBlock;
}
