package dev.setpoint.device.actuator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RelayThermostatTest {
  private Context pi4j;

  @BeforeEach
  void mockPlatform() {
    pi4j =
        Pi4J.newContextBuilder()
            .add(new MockPlatform())
            .add(MockDigitalOutputProvider.newInstance())
            .build();
  }

  @AfterEach
  void shutdown() {
    pi4j.shutdown();
  }

  private DigitalOutput pin() {
    return pi4j.registry().get("cooling-relay-17");
  }

  @Test
  void switchesCoolingAroundTheSetpointWithHysteresis() {
    RelayThermostat relay = new RelayThermostat(pi4j, 17, false, 1.0);
    assertEquals(DigitalState.HIGH, pin().state(), "active-low relay starts released");
    relay.apply(24.0);

    relay.observe(24.4); // inside the band: stays off
    assertFalse(relay.cooling());
    relay.observe(24.6);
    assertTrue(relay.cooling());
    assertEquals(DigitalState.LOW, pin().state(), "active low: LOW energises the relay");
    relay.observe(23.7); // inside the band: stays on
    assertTrue(relay.cooling());
    relay.observe(23.4);
    assertFalse(relay.cooling());
    assertEquals(DigitalState.HIGH, pin().state());
  }

  @Test
  void aNewSetpointMovesTheBandAndCloseReleases() {
    RelayThermostat relay = new RelayThermostat(pi4j, 17, true, 0.5);
    relay.apply(27.0);
    relay.observe(26.0);
    assertEquals(DigitalState.LOW, pin().state());
    relay.apply(20.0);
    relay.observe(26.0);
    assertEquals(DigitalState.HIGH, pin().state(), "active high: HIGH energises");
    relay.close();
    assertEquals(DigitalState.LOW, pin().state(), "released when the agent stops");
  }
}
