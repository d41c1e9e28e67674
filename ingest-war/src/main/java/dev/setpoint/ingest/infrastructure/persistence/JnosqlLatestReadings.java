package dev.setpoint.ingest.infrastructure.persistence;

import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.BufferedReading;
import dev.setpoint.ingest.domain.LatestReadings;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;

/**
 * Finds a device's latest reading of a resource among its newest events in the edge buffer. Only
 * the newest {@link #EVENTS_SEARCHED} events are looked at, so the query stays one short indexed
 * read however much history the buffer holds; a resource the device has not reported in that many
 * events counts as not reported.
 */
@ApplicationScoped
public class JnosqlLatestReadings implements LatestReadings {
  static final int EVENTS_SEARCHED = 20;

  private final DocumentTemplate template;

  @Inject
  public JnosqlLatestReadings(DocumentTemplate template) {
    this.template = template;
  }

  /** For CDI's proxy only. */
  protected JnosqlLatestReadings() {
    this.template = null;
  }

  @Override
  public Optional<BufferedReading> latest(String deviceName, String resourceName) {
    try {
      return template
          .select(BufferedEvent.class)
          .where("deviceName")
          .eq(deviceName)
          .orderBy("origin")
          .desc()
          .limit(EVENTS_SEARCHED)
          .<BufferedEvent>result()
          .stream()
          .flatMap(event -> event.readings().stream())
          .filter(reading -> reading.resourceName().equals(resourceName))
          .findFirst();
    } catch (RuntimeException e) {
      if (Documents.isMongoFailure(e)) {
        throw new StoreUnavailableException("the edge buffer (MongoDB) did not answer", e);
      }
      throw e;
    }
  }
}
