package dev.setpoint.relay.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The relay's own MongoDB client (the address is JNoSQL's {@code jnosql.mongodb.url}, so one key
 * moves both).
 */
@Dependent
public class MongoConfig {

  /**
   * How long the client waits for an answer: a round's first read of a large backlog is slow on the
   * stack's MongoDB-wire server (20 s for 113,000 events), longer than the URL's timeout.
   */
  @Inject
  @ConfigProperty(name = "setpoint.relay.mongodb.read-timeout", defaultValue = "PT2M")
  public Duration readTimeout;
}
