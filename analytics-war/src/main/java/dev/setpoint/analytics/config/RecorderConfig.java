package dev.setpoint.analytics.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The telemetry recorder ({@code setpoint.analytics.recorder.*}): how it batches writes (a batch
 * closes at its size or its linger, whichever comes first; the queue bounds the messages waiting),
 * its retry while InfluxDB refuses writes (the batch is held, and the wait between attempts doubles
 * from the initial pause up to the maximum), the largest message it takes, and the window of recent
 * event ids in which a second write of one is counted.
 */
@Dependent
public class RecorderConfig {
  /** The first wait after a refused write. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.recorder.retry-initial", defaultValue = "PT0.5S")
  public Duration retryInitial;

  /** The longest wait between attempts. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.recorder.retry-max", defaultValue = "PT30S")
  public Duration retryMax;

  /** The most messages in one InfluxDB write. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.recorder.batch-size", defaultValue = "5000")
  public int batchSize;

  /** The longest a message waits for its batch to fill before the batch is written anyway. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.recorder.batch-linger", defaultValue = "PT0.1S")
  public Duration batchLinger;

  /**
   * The most decoded messages waiting for their batch; the telemetry consumer stops taking more
   * while it is full.
   */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.recorder.queue", defaultValue = "10000")
  public int queue;

  /** The largest telemetry record taken, in bytes; a larger one goes to the dead-letter topic. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.recorder.max-message-bytes", defaultValue = "65536")
  public int maxMessageBytes;

  /** How many of the latest stored event ids are kept to count messages written twice. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.recorder.rewrite-window", defaultValue = "50000")
  public int rewriteWindow;
}
