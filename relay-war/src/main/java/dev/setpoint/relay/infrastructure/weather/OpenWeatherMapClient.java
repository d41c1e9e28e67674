package dev.setpoint.relay.infrastructure.weather;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * OpenWeatherMap's current weather API 2.5, as a MicroProfile Rest Client. The answer comes back
 * raw (the default exception mapper is off) so that {@link OpenWeatherMapProvider} decides per
 * status what is retried and parses the body strictly itself.
 */
@Path("/data/2.5/weather")
public interface OpenWeatherMapClient {

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  Response current(
      @QueryParam("lat") double latitude,
      @QueryParam("lon") double longitude,
      @QueryParam("units") String units,
      @QueryParam("appid") String apiKey);
}
