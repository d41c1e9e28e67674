package dev.setpoint.relay.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured sites, the first being the default. Parsed from {@code
 * name:latitude:longitude[,name:latitude:longitude…]}.
 */
public final class Sites {
  /** Gwangju, South Korea: the climate the project was built for. */
  public static final String DEFAULT_SPEC = "default:35.1595:126.8526";

  private final Map<String, Site> byName;
  private final Site defaultSite;

  private Sites(Map<String, Site> byName) {
    this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    this.defaultSite = byName.values().iterator().next();
  }

  /**
   * Parses a site list; blank means {@link #DEFAULT_SPEC}.
   *
   * @throws IllegalArgumentException naming the entry at fault
   */
  public static Sites parse(String spec) {
    String text = spec == null || spec.isBlank() ? DEFAULT_SPEC : spec;
    Map<String, Site> sites = new LinkedHashMap<>();
    for (String entry : text.split(",", -1)) {
      String[] parts = entry.strip().split(":");
      if (parts.length != 3) {
        throw new IllegalArgumentException(
            "setpoint.relay.weather.sites: expected name:latitude:longitude, got '"
                + entry.strip()
                + "'");
      }
      Site site;
      try {
        site =
            new Site(
                parts[0].strip(),
                Double.parseDouble(parts[1].strip()),
                Double.parseDouble(parts[2].strip()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "setpoint.relay.weather.sites: bad coordinate in '" + entry.strip() + "'", e);
      }
      if (sites.putIfAbsent(site.name(), site) != null) {
        throw new IllegalArgumentException(
            "setpoint.relay.weather.sites: site '" + site.name() + "' named twice");
      }
    }
    return new Sites(sites);
  }

  /** The first configured site. */
  public Site defaultSite() {
    return defaultSite;
  }

  /** The site of this name, if configured. */
  public Optional<Site> byName(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Every site, in configuration order. */
  public List<Site> all() {
    return List.copyOf(byName.values());
  }

  /**
   * The site an event's device stands at: the configured site of this name (ingest takes it from
   * the device's {@code site:<name>} label and stores it with the event), else the default site
   * (also for a name that is not configured, so that the event still travels).
   *
   * @param name the site named in the event, or {@code null} for none
   */
  public Site forName(String name) {
    return name == null ? defaultSite : byName(name).orElse(defaultSite);
  }
}
