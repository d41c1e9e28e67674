package dev.setpoint.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.weather.SiteWeather;
import dev.setpoint.device.config.DevicesConfig;
import dev.setpoint.device.config.SiteLocation;
import dev.setpoint.device.sim.CoolingTrip;
import dev.setpoint.device.sim.SimulatedRoomSensor;
import dev.setpoint.model.sim.RoomState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The simulated rooms feel their site's weather: contracts' {@link SiteWeather}, which the relay's
 * SimulatedWeatherProvider gives for the site (its own test checks that it is that function), at
 * the wall clock's instant.
 */
class SimulatedRoomsTest {
  private static final SiteLocation SYDNEY = new SiteLocation(-33.87, 151.21);
  private static final SiteLocation GWANGJU = new SiteLocation(35.1595, 126.8526);

  /** Starts off the minute and off the millisecond, as a real clock does. */
  private Instant now = Instant.parse("2026-07-01T11:58:37.123456789Z");

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

  private final SimulatedRooms rooms = new SimulatedRooms(clock, 24, "pi-host");

  private static RoomState state(Room room) {
    return ((SimulatedRoomSensor) room.sensor()).room().state();
  }

  private static void assertFeels(String site, SiteLocation location, Instant at, RoomState state) {
    SiteWeather.Conditions relay =
        SiteWeather.at(site, location.latitude(), location.longitude(), at);
    assertEquals(relay.temperatureC(), state.outdoorTemperatureC(), "temperature at " + at);
    assertEquals(relay.humidityPercent(), state.outdoorHumidityPct(), "humidity at " + at);
    assertEquals(relay.category(), state.weatherCategory(), "category at " + at);
  }

  @Test
  void aFleetsRoomsFeelTheirSitesWeatherAtTheWallClocksInstantAllTheSame() {
    List<Room> fleet =
        rooms.fleet(new DevicesConfig.Fleet("svc", "sydney", SYDNEY, 4, "sim", 1, 2));
    List<Room> controllers =
        fleet.stream().filter(r -> r.id().role() == DeviceIdentity.Role.CONTROLLER).toList();
    assertEquals(4, controllers.size());
    Set<Double> temperatures = new HashSet<>();
    // Every 10 s (and a few odd steps) for two hours: across minute and hour boundaries.
    for (int i = 0; i < 730; i++) {
      now = now.plusMillis(i % 7 == 0 ? 9_999 : 10_000).plusNanos(1_234);
      for (Room room : controllers) {
        RoomState state = state(room);
        assertFeels("sydney", SYDNEY, now, state);
        temperatures.add(state.outdoorTemperatureC());
      }
    }
    assertTrue(temperatures.size() > 20, "the weather changes: " + temperatures.size());
    // The rooms themselves differ (their own loads and start days); their weather does not.
    assertNotEquals(
        state(controllers.get(0)).roomAirTemperatureC(),
        state(controllers.get(1)).roomAirTemperatureC());
  }

  @Test
  void aDeviceWithoutASiteFeelsTheRelaysDefaultSite() {
    List<Room> fleet = rooms.fleet(new DevicesConfig.Fleet("svc", "", GWANGJU, 2, "sim", 1, 0));
    Room one = rooms.one(DeviceIdentity.controller("room-7", "svc", "", ""), GWANGJU);
    for (int i = 0; i < 40; i++) {
      now = now.plusSeconds(17);
      assertFeels("default", GWANGJU, now, state(fleet.get(0)));
      assertFeels("default", GWANGJU, now, state(fleet.get(1)));
      assertFeels("default", GWANGJU, now, state(one));
    }
  }

  @Test
  void oneSimulatedRoomFeelsItsSitesWeather() {
    Room one = rooms.one(DeviceIdentity.sensor("pi-rack-1", "svc", "lab", "hall-2"), SYDNEY);
    for (int i = 0; i < 40; i++) {
      now = now.plus(Duration.ofSeconds(10));
      assertFeels("lab", SYDNEY, now, state(one));
    }
  }

  @Test
  void everyRoomOfAFleetTripsAndComesBackTheSameTimeAfterTheStart() throws Exception {
    SimulatedRooms tripping =
        new SimulatedRooms(
            clock,
            24,
            "pi-host",
            Optional.of(
                new CoolingTrip(
                    Duration.ofSeconds(30),
                    Optional.of(Duration.ofSeconds(40)),
                    OptionalDouble.of(12))));
    List<Room> fleet = tripping.fleet(new DevicesConfig.Fleet("svc", "", GWANGJU, 3, "sim", 1, 2));
    List<Room> controllers =
        fleet.stream().filter(r -> r.id().role() == DeviceIdentity.Role.CONTROLLER).toList();
    Room one = tripping.one(DeviceIdentity.controller("room-7", "svc", "", ""), GWANGJU);
    List<Room> rooms = new java.util.ArrayList<>(controllers);
    rooms.add(one);
    Instant start = now;
    for (int s = 1; s <= 120; s++) {
      now = start.plusSeconds(s);
      for (Room room : rooms) {
        RoomState state = state(room);
        boolean tripped = s > 30 && s <= 70; // at 30 s and 70 s the state is the last step's
        assertEquals(
            tripped, state.electricKw() == 0, room.id().name() + " at " + s + " s: " + state);
      }
      if (s == 60) {
        // The rack sensors read their tripped room.
        assertTrue(fleet.get(1).sensor().read().temperature() > 27, "rack 1 of sim-0001");
      }
    }
    assertEquals(Optional.empty(), new SimulatedRooms(clock, 24, "pi-host").trip());
  }
}
