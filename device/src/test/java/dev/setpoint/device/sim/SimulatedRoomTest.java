package dev.setpoint.device.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.model.sim.RoomSimulator;
import dev.setpoint.model.sim.RoomState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A simulated room's cooling trip, on a wall clock the test moves (no sleeps). */
class SimulatedRoomTest {
  private static final Instant START = Instant.parse("2026-07-01T12:00:00.123Z");

  private Instant now = START;

  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  private final List<LogRecord> logged = new ArrayList<>();
  private final Logger logger = Logger.getLogger(SimulatedRoom.class.getName());
  private final Handler handler =
      new Handler() {
        @Override
        public synchronized void publish(LogRecord record) {
          logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void listen() {
    logger.addHandler(handler);
  }

  @AfterEach
  void stopListening() {
    logger.removeHandler(handler);
  }

  private List<String> info() {
    return logged.stream()
        .filter(r -> r.getLevel() == Level.INFO)
        .map(LogRecord::getMessage)
        .toList();
  }

  private SimulatedRoom room(double speed, CoolingTrip trip) {
    return new SimulatedRoom(
        RoomSimulator.gwangju(7), clock, START, speed, 24, "room-1", Optional.of(trip));
  }

  private static CoolingTrip trip(Duration after, Duration duration, double rate) {
    return new CoolingTrip(after, Optional.of(duration), OptionalDouble.of(rate));
  }

  /** Seconds after {@link #START} at which the room's inlet first reads at least {@code c}. */
  private static double firstAtOrAbove(List<RoomState> states, double c) {
    for (int i = 0; i < states.size(); i++) {
      if (states.get(i).inletTemperatureC() >= c) {
        return i;
      }
    }
    return Double.NaN;
  }

  /** The room read once a second for {@code seconds}: element i is its state i s after start. */
  private List<RoomState> everySecond(SimulatedRoom room, int seconds) {
    List<RoomState> states = new ArrayList<>();
    for (int i = 0; i <= seconds; i++) {
      now = START.plusSeconds(i);
      states.add(room.state());
    }
    return states;
  }

  @Test
  void withAHeatRateTheInletCrosses27And32WithinAMinuteOfTheTripWhateverTheSpeed() {
    // Issue 18's end-to-end test: a breach, then its clearing, within two minutes.
    for (double speed : new double[] {1, 10}) {
      logged.clear();
      SimulatedRoom room = room(speed, trip(Duration.ofSeconds(30), Duration.ofSeconds(45), 12.0));
      List<RoomState> states = everySecond(room, 180);
      RoomState atTrip = states.get(30); // the instant of the trip: nothing has warmed yet
      double x = atTrip.inletTemperatureC();
      assertTrue(x < 26.5, speed + "×: a room inside the envelope before the trip: " + x);
      for (RoomState s : states.subList(1, 30)) { // 0: the initial state, before any step
        assertTrue(s.electricKw() > 0, speed + "×: cooling runs before the trip: " + s);
      }
      for (RoomState s : states.subList(31, 75)) {
        assertEquals(0.0, s.electricKw(), speed + "×: no cooling power while tripped");
      }
      // 12 °C a minute of wall clock is 0.2 °C a second, from x at the trip's instant.
      double at27 = firstAtOrAbove(states, 27);
      double at32 = firstAtOrAbove(states, 32);
      assertEquals(30 + (27 - x) / 0.2, at27, 3, speed + "×: 27 °C crossed at " + at27 + " s");
      assertEquals(30 + (32 - x) / 0.2, at32, 3, speed + "×: 32 °C crossed at " + at32 + " s");
      assertTrue(at32 - 30 < 60, speed + "×: both within a minute of the trip");
      double peak = states.get(75).inletTemperatureC();
      assertEquals(x + 9, peak, 0.5, speed + "×: 45 s at 0.2 °C a second");

      // Restored at 75 s: the power is back and the trip's heat leaves at least as fast.
      for (RoomState s : states.subList(76, 181)) {
        assertTrue(s.electricKw() > 0, speed + "×: the units run again: " + s);
      }
      double cleared = Double.NaN;
      for (int i = 76; i <= 180 && Double.isNaN(cleared); i++) {
        if (states.get(i).inletTemperatureC() < 26.5) {
          cleared = i;
        }
      }
      assertEquals(75 + (peak - 26.5) / 0.2, cleared, 3, speed + "×: below 26.5 °C at " + cleared);
      assertTrue(cleared < 120, speed + "×: the whole cycle within two minutes of the start");
      assertEquals(x, states.get(125).inletTemperatureC(), 0.5, speed + "×: back to where it was");

      assertEquals(
          List.of(
              "room-1: cooling tripped at 2026-07-01T12:00:30.123Z, PT30S after the start: inlet "
                  + String.format(java.util.Locale.ROOT, "%.2f", x)
                  + " °C, no unit removes heat or draws power, the inlet rises by 12.00 °C a"
                  + " minute (the trip's heat rate); the units run again at"
                  + " 2026-07-01T12:01:15.123Z",
              "room-1: cooling restored at 2026-07-01T12:01:15.123Z after PT45S out: inlet "
                  + String.format(java.util.Locale.ROOT, "%.2f", peak)
                  + " °C, the units pull the room back down"),
          info(),
          speed + "×: each logged once");
    }
  }

  @Test
  void withoutAHeatRateTheRoomHeatsByItsPhysicsAndTheUnitsPullItBackDown() {
    SimulatedRoom room =
        room(
            1,
            new CoolingTrip(
                Duration.ofMinutes(30),
                Optional.of(Duration.ofMinutes(5)),
                OptionalDouble.empty()));
    now = START.plus(Duration.ofMinutes(30));
    RoomState before = room.state();
    assertTrue(room.coolingTripped(), "tripped at its instant");
    now = START.plus(Duration.ofMinutes(35));
    RoomState tripped = room.state();
    assertEquals(0.0, tripped.electricKw());
    double rise = tripped.roomAirTemperatureC() - before.roomAirTemperatureC();
    assertTrue(rise > 1.5 && rise < 4.5, "0.3 to 0.9 °C a minute by its heat balance: " + rise);
    assertFalse(room.coolingTripped(), "restored at its instant");
    now = START.plus(Duration.ofMinutes(60));
    RoomState later = room.state();
    assertTrue(later.electricKw() > 0, later.toString());
    assertEquals(24.0, later.roomAirTemperatureC(), 0.2, "the units hold their setpoint again");
    assertTrue(
        info().get(0).contains("rises as fast as the room's heat capacity gives"),
        info().toString());
  }

  @Test
  void aTripAndItsRestoreHappenAtTheirInstantsHoweverSeldomTheRoomIsRead() {
    SimulatedRoom room = room(1, trip(Duration.ofSeconds(30), Duration.ofSeconds(45), 12.0));
    room.state();
    now = START.plusSeconds(70);
    RoomState tripped = room.state();
    assertEquals(0.0, tripped.electricKw());
    now = START.plusSeconds(600); // read next long after both
    RoomState after = room.state();
    assertFalse(room.coolingTripped());
    assertTrue(after.electricKw() > 0);
    List<String> info = info();
    assertEquals(2, info.size(), info.toString());
    assertTrue(info.get(0).startsWith("room-1: cooling tripped at 2026-07-01T12:00:30.123Z"));
    assertTrue(info.get(1).startsWith("room-1: cooling restored at 2026-07-01T12:01:15.123Z"));
    now = START.plusSeconds(900);
    room.state();
    assertEquals(2, info().size(), "each once");
  }

  @Test
  void withoutADurationTheCoolingStaysOutAndTheInletStopsAtTheCeiling() {
    SimulatedRoom room =
        room(1, new CoolingTrip(Duration.ofSeconds(10), Optional.empty(), OptionalDouble.of(30.0)));
    now = START.plus(Duration.ofHours(2));
    RoomState s = room.state();
    assertTrue(room.coolingTripped());
    assertEquals(RoomSimulator.TRIP_AIR_CEILING_C, s.roomAirTemperatureC(), 1e-9);
    assertTrue(s.inletTemperatureC() < 85, "ingest's profile takes it: " + s.inletTemperatureC());
    assertTrue(
        info().get(0).endsWith("; the units stay out until the agent stops"), info().toString());
  }

  @Test
  void anOperatorTripsAndRestoresTheCoolingNowAndEachChangeIsLoggedOnce() {
    SimulatedRoom room =
        new SimulatedRoom(
            RoomSimulator.gwangju(7), clock, START, 1, 24, "room-1", Optional.empty());
    now = START.plusSeconds(60);
    assertTrue(room.state().electricKw() > 0);
    room.tripCooling(true);
    room.tripCooling(true);
    now = START.plusSeconds(120);
    assertEquals(0.0, room.state().electricKw());
    room.tripCooling(false);
    room.tripCooling(false);
    now = START.plusSeconds(130);
    assertTrue(room.state().electricKw() > 0);
    List<String> info = info();
    assertEquals(2, info.size(), info.toString());
    assertTrue(
        info.get(0).startsWith("room-1: cooling tripped at 2026-07-01T12:01:00.123Z: inlet "),
        info.get(0));
    assertTrue(info.get(0).endsWith("as fast as the room's heat capacity gives"), info.get(0));
    assertTrue(
        info.get(1).startsWith("room-1: cooling restored at 2026-07-01T12:02:00.123Z after PT1M"),
        info.get(1));
  }

  @Test
  void aTripIsAfterTheStartLastsAPositiveTimeAndHeatsAtAPositiveRate() {
    Optional<Duration> none = Optional.empty();
    OptionalDouble physics = OptionalDouble.empty();
    assertThrows(
        IllegalArgumentException.class, () -> new CoolingTrip(Duration.ZERO, none, physics));
    assertThrows(
        IllegalArgumentException.class,
        () -> new CoolingTrip(Duration.ofSeconds(-1), none, physics));
    assertThrows(
        IllegalArgumentException.class,
        () -> new CoolingTrip(Duration.ofSeconds(1), Optional.of(Duration.ofSeconds(-1)), physics));
    for (double rate : new double[] {0, -2, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThrows(
          IllegalArgumentException.class,
          () -> new CoolingTrip(Duration.ofSeconds(1), none, OptionalDouble.of(rate)));
    }
  }
}
