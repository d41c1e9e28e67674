package dev.setpoint.relay.it;

import dev.setpoint.relay.domain.OutdoorWeather;
import dev.setpoint.relay.domain.Site;
import dev.setpoint.relay.domain.WeatherProvider;
import dev.setpoint.relay.domain.WeatherUnavailableException;
import dev.setpoint.relay.infrastructure.weather.OpenWeatherMapProvider;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Test-only entry into the deployed relay: calls the real, fault-tolerant OpenWeatherMap provider
 * (or, with {@code provider=configured}, the {@link WeatherProvider} the relay's configuration
 * chose) for a site given in the query and answers its weather as {@code key=value} lines, or 503
 * with the message of {@link WeatherUnavailableException}. Added to the WAR by {@link WeatherIT}
 * only.
 */
@WebServlet("/it/weather")
public class WeatherProbeServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient OpenWeatherMapProvider openWeatherMap;
  @Inject transient WeatherProvider configured;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Site site =
        new Site(
            request.getParameter("site"),
            Double.parseDouble(request.getParameter("lat")),
            Double.parseDouble(request.getParameter("lon")));
    response.setContentType("text/plain");
    try {
      WeatherProvider provider =
          "configured".equals(request.getParameter("provider")) ? configured : openWeatherMap;
      OutdoorWeather weather = provider.current(site);
      response
          .getWriter()
          .printf(
              "temperature=%s%nhumidity=%s%ncategory=%d%nobservedAt=%s%nsource=%s%nstale=%s%nageSeconds=%d%nsimulated=%s%n",
              weather.temperatureC(),
              weather.humidityPercent(),
              weather.category(),
              weather.observedAt().getEpochSecond(),
              weather.source(),
              weather.stale(),
              weather.age().toSeconds(),
              weather.simulated());
    } catch (WeatherUnavailableException e) {
      response.setStatus(503);
      response.getWriter().println(e.getMessage());
    }
  }
}
