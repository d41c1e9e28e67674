package dev.setpoint.ingest.application;

import dev.setpoint.ingest.domain.DuplicateNameException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stores the metadata Setpoint ships with, if it is not there yet: the device profiles of the room
 * sensor and the air conditioner, and the device agent's device service. The files are in the WAR
 * under {@value #SEED} and double as examples ({@code curl -F file=@room-sensor.yaml
 * .../api/v3/deviceprofile/uploadfile}). Seeding only adds what is missing, so an operator's own
 * version of a profile of the same name is kept, and replicas starting together do not clash (the
 * loser of a race sees a duplicate name and moves on).
 *
 * <p>Tried once at startup; if MongoDB is not reachable then, the startup check ({@code
 * MetadataSeedCheck}) tries again on each probe until it succeeds.
 */
@ApplicationScoped
public class MetadataSeeder {
  static final String SEED = "META-INF/setpoint/seed/";
  static final List<String> PROFILES =
      List.of("room-sensor.yaml", "air-conditioner.yaml", "room-controller.yaml");
  static final String DEVICE_SERVICES = "device-services.json";
  private static final Logger LOG = Logger.getLogger(MetadataSeeder.class.getName());

  private final MetadataService metadata;
  private volatile boolean seeded;

  @Inject
  public MetadataSeeder(MetadataService metadata) {
    this.metadata = metadata;
  }

  /** For CDI's proxy only. */
  protected MetadataSeeder() {
    this.metadata = null;
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    seed();
  }

  /**
   * Adds the shipped metadata that is missing.
   *
   * @return true once everything is stored (now or before)
   */
  public synchronized boolean seed() {
    if (seeded) {
      return true;
    }
    try {
      for (String file : PROFILES) {
        add(() -> metadata.addProfile(YamlProfiles.parse(read(file), "profile")));
      }
      try (JsonReader reader = Json.createReader(new StringReader(read(DEVICE_SERVICES)))) {
        JsonArray requests = reader.readArray();
        for (int i = 0; i < requests.size(); i++) {
          var request = MetadataJson.addDeviceServiceRequest(requests.get(i), "[" + i + "]");
          add(() -> metadata.addDeviceService(request.service()));
        }
      }
      seeded = true;
      LOG.info("shipped device profiles and device services are stored");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not store the shipped metadata yet: " + e.getMessage(), e);
    }
    return seeded;
  }

  /** Whether the shipped metadata is stored. */
  public boolean seeded() {
    return seeded;
  }

  private static void add(Runnable add) {
    try {
      add.run();
    } catch (DuplicateNameException e) {
      // already there: seeded before, by another replica, or replaced by an operator's own
    }
  }

  private static String read(String file) {
    try (InputStream in = MetadataSeeder.class.getClassLoader().getResourceAsStream(SEED + file)) {
      if (in == null) {
        throw new IllegalStateException("seed file " + SEED + file + " is missing from the WAR");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
