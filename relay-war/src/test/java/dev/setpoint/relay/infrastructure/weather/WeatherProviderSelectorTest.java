package dev.setpoint.relay.infrastructure.weather;

import static dev.setpoint.relay.infrastructure.weather.WeatherProviderSelector.Choice.OPENWEATHERMAP;
import static dev.setpoint.relay.infrastructure.weather.WeatherProviderSelector.Choice.SIMULATED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WeatherProviderSelectorTest {

  @Test
  void withoutAChoiceAKeyDecides() {
    assertEquals(SIMULATED, WeatherProviderSelector.choose(Optional.empty(), false));
    assertEquals(OPENWEATHERMAP, WeatherProviderSelector.choose(Optional.empty(), true));
    assertEquals(SIMULATED, WeatherProviderSelector.choose(Optional.of(" "), false));
  }

  @Test
  void aChoiceWinsOverTheKey() {
    assertEquals(SIMULATED, WeatherProviderSelector.choose(Optional.of("simulated"), true));
    assertEquals(
        OPENWEATHERMAP, WeatherProviderSelector.choose(Optional.of(" OpenWeatherMap"), false));
  }

  @Test
  void anUnknownProviderIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> WeatherProviderSelector.choose(Optional.of("accuweather"), true));
  }

  @Test
  void theKeyIsOnlyAKeyWhenNotBlank() {
    assertEquals(
        SIMULATED,
        new WeatherProviderSelector(Optional.empty(), Optional.of("  "), "default:1:2").choice());
  }
}
