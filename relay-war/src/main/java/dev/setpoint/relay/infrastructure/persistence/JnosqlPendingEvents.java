package dev.setpoint.relay.infrastructure.persistence;

import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.EventState;
import dev.setpoint.relay.domain.PendingEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.nosql.Template;
import java.util.List;

/** PENDING events of {@link BufferedEvent#COLLECTION}, oldest first, through JNoSQL. */
@ApplicationScoped
public class JnosqlPendingEvents implements PendingEvents {
  private final Template template;

  @Inject
  public JnosqlPendingEvents(Template template) {
    this.template = template;
  }

  /** For CDI's proxy only. */
  protected JnosqlPendingEvents() {
    this.template = null;
  }

  @Override
  public List<BufferedEvent> oldest(int limit) {
    return template
        .select(BufferedEvent.class)
        .where("state")
        .eq(EventState.PENDING.name())
        .orderBy("origin")
        .asc()
        .limit(limit)
        .result();
  }

  @Override
  public void markForwarded(BufferedEvent event, long atMillis) {
    template.update(event.forwarded(atMillis));
  }

  @Override
  public void markRejected(BufferedEvent event) {
    template.update(event.rejected());
  }

  @Override
  public void purgeForwarded(long forwardedBeforeMillis) {
    template
        .delete(BufferedEvent.class)
        .where("state")
        .eq(EventState.FORWARDED.name())
        .and("forwardedAt")
        .lt(forwardedBeforeMillis)
        .execute();
  }
}
