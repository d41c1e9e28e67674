package dev.setpoint.relay.infrastructure.weather;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * OpenWeatherMap's condition codes (weather[0].id) and groups (weather[0].main) mapped to the
 * report's weather category, 1–9. This class is the one table; the README's "Outdoor weather"
 * section repeats it.
 *
 * <table>
 *   <caption>OpenWeatherMap condition → weather category</caption>
 *   <tr><th>category</th><th>meaning</th><th>OpenWeatherMap ids</th><th>group</th></tr>
 *   <tr><td>1</td><td>clear sky</td><td>800</td><td>Clear</td></tr>
 *   <tr><td>2</td><td>few clouds (11–25 %)</td><td>801</td><td></td></tr>
 *   <tr><td>3</td><td>clouds (scattered, broken: 25–84 %)</td><td>802, 803</td><td>Clouds</td></tr>
 *   <tr><td>4</td><td>overcast (85–100 %)</td><td>804</td><td></td></tr>
 *   <tr><td>5</td><td>mist, smoke, haze, dust, fog, sand, ash</td><td>701–762</td>
 *       <td>Mist, Smoke, Haze, Dust, Fog, Sand, Ash</td></tr>
 *   <tr><td>6</td><td>drizzle</td><td>300–321</td><td>Drizzle</td></tr>
 *   <tr><td>7</td><td>rain</td><td>500–531 except 511</td><td>Rain</td></tr>
 *   <tr><td>8</td><td>thunderstorm, squall, tornado</td><td>200–232, 771, 781</td>
 *       <td>Thunderstorm, Squall, Tornado</td></tr>
 *   <tr><td>9</td><td>snow, sleet, freezing rain</td><td>600–622, 511</td><td>Snow</td></tr>
 * </table>
 *
 * <p>An id outside these ranges is mapped by its group; when the group is unknown too, it gets
 * {@value #UNMAPPED} (clouds: the middle of the sky-cover scale, neither sun load nor
 * precipitation), and that id is logged once as a warning.
 */
public final class WeatherCategories {
  private static final Logger LOG = Logger.getLogger(WeatherCategories.class.getName());

  /** The category of a condition this table does not know. */
  public static final int UNMAPPED = 3;

  private static final Map<String, Integer> BY_GROUP =
      Map.ofEntries(
          Map.entry("clear", 1),
          Map.entry("clouds", 3),
          Map.entry("mist", 5),
          Map.entry("smoke", 5),
          Map.entry("haze", 5),
          Map.entry("dust", 5),
          Map.entry("fog", 5),
          Map.entry("sand", 5),
          Map.entry("ash", 5),
          Map.entry("drizzle", 6),
          Map.entry("rain", 7),
          Map.entry("thunderstorm", 8),
          Map.entry("squall", 8),
          Map.entry("tornado", 8),
          Map.entry("snow", 9));

  private final Set<String> loggedUnmapped = ConcurrentHashMap.newKeySet();

  /** The category of condition {@code id}; {@code group} (may be null) decides unknown ids. */
  public int category(int id, String group) {
    Integer byId = byId(id);
    if (byId != null) {
      return byId;
    }
    Integer byGroup = group == null ? null : BY_GROUP.get(group.strip().toLowerCase(Locale.ROOT));
    if (byGroup != null) {
      return byGroup;
    }
    if (loggedUnmapped.add(id + "/" + group)) {
      LOG.warning(
          "OpenWeatherMap condition "
              + id
              + " (group "
              + group
              + ") is not in the weather category table; using category "
              + UNMAPPED);
    }
    return UNMAPPED;
  }

  private static Integer byId(int id) {
    if (id == 800) {
      return 1;
    }
    if (id == 801) {
      return 2;
    }
    if (id == 802 || id == 803) {
      return 3;
    }
    if (id == 804) {
      return 4;
    }
    if (id == 771 || id == 781) {
      return 8;
    }
    if (id >= 701 && id <= 762) {
      return 5;
    }
    if (id >= 300 && id <= 321) {
      return 6;
    }
    if (id == 511) {
      return 9;
    }
    if (id >= 500 && id <= 531) {
      return 7;
    }
    if (id >= 200 && id <= 232) {
      return 8;
    }
    if (id >= 600 && id <= 622) {
      return 9;
    }
    return null;
  }
}
