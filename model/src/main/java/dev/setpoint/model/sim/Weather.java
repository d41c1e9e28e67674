package dev.setpoint.model.sim;

/**
 * Outdoor weather at one moment.
 *
 * @param temperatureC air temperature, °C
 * @param humidityPct relative humidity, %
 * @param category the report's weather category, 1–9: 1 clear, 2 few clouds, 3 clouds, 4 overcast,
 *     5 mist, 6 drizzle, 7 rain, 8 thunderstorm, 9 snow (the relay's WeatherCategories table)
 */
public record Weather(double temperatureC, double humidityPct, int category) {}
