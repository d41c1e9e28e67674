package dev.setpoint.analytics.infrastructure.savings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.setpoint.analytics.domain.savings.BaselinePeriod;
import dev.setpoint.analytics.domain.savings.MvPlan;
import dev.setpoint.analytics.domain.savings.Pilot;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.eclipse.jnosql.communication.semistructured.CommunicationEntity;
import org.junit.jupiter.api.Test;

class JnosqlMvPlanStoreTest {
  static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");

  @Test
  void aPlanReadsBackAsItWasStored() {
    MvPlan plan =
        new MvPlan(
            "hall-a",
            new BaselinePeriod(Instant.parse("2026-01-01T00:00:00Z"), AT),
            new Pilot(LocalDate.of(2026, 12, 7), 84, 7, 42L, 20.5, ZoneId.of("Asia/Seoul"), 48, AT),
            "ops",
            AT);
    assertEquals(Optional.of(plan), JnosqlMvPlanStore.plan(JnosqlMvPlanStore.document(plan)));
    MvPlan bare = new MvPlan("hall-b", null, null, "ops", AT);
    assertEquals(Optional.of(bare), JnosqlMvPlanStore.plan(JnosqlMvPlanStore.document(bare)));
  }

  @Test
  void aDamagedDocumentIsSkipped() {
    CommunicationEntity entity =
        JnosqlMvPlanStore.document(
            new MvPlan(
                "hall-a",
                null,
                new Pilot(LocalDate.of(2026, 12, 7), 84, 7, 1, 20, ZoneId.of("UTC"), 48, null),
                "ops",
                AT));
    entity.remove(JnosqlMvPlanStore.PILOT_DAYS);
    assertEquals(Optional.empty(), JnosqlMvPlanStore.plan(entity));
    entity.add(JnosqlMvPlanStore.PILOT_DAYS, 84);
    entity.remove(JnosqlMvPlanStore.PILOT_ZONE);
    entity.add(JnosqlMvPlanStore.PILOT_ZONE, "Mars/Olympus");
    assertEquals(Optional.empty(), JnosqlMvPlanStore.plan(entity));
  }
}
