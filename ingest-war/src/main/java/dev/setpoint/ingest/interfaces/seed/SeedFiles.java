package dev.setpoint.ingest.interfaces.seed;

import dev.setpoint.contracts.edgex.DeviceProfile;
import dev.setpoint.contracts.edgex.DeviceService;
import dev.setpoint.ingest.application.ShippedMetadata;
import dev.setpoint.ingest.interfaces.rest.json.MetadataJson;
import dev.setpoint.ingest.interfaces.rest.json.YamlProfiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The shipped metadata, read from the WAR under {@value #SEED}: device profiles in YAML (as EdgeX
 * ships its profiles, read as an upload to {@code /api/v3/deviceprofile/uploadfile} is) and device
 * services as a JSON array of AddDeviceServiceRequest (read as a {@code POST /api/v3/deviceservice}
 * body is). The files double as examples ({@code curl -F file=@room-sensor.yaml
 * .../api/v3/deviceprofile/uploadfile}).
 */
@ApplicationScoped
public class SeedFiles implements ShippedMetadata {
  /** Where the files are in the WAR. */
  public static final String SEED = "META-INF/setpoint/seed/";

  /** The shipped profiles' files, in the order they are stored. */
  public static final List<String> PROFILES =
      List.of(
          "room-sensor.yaml",
          "air-conditioner.yaml",
          "room-controller.yaml",
          "energy-meter.yaml",
          "legacy-v1.yaml");

  /** The shipped device services' file. */
  public static final String DEVICE_SERVICES = "device-services.json";

  @Override
  public List<DeviceProfile> profiles() {
    List<DeviceProfile> profiles = new ArrayList<>(PROFILES.size());
    for (String file : PROFILES) {
      profiles.add(YamlProfiles.parse(read(file), "profile"));
    }
    return profiles;
  }

  @Override
  public List<DeviceService> deviceServices() {
    try (JsonReader reader = Json.createReader(new StringReader(read(DEVICE_SERVICES)))) {
      JsonArray requests = reader.readArray();
      List<DeviceService> services = new ArrayList<>(requests.size());
      for (int i = 0; i < requests.size(); i++) {
        services.add(
            MetadataJson.addDeviceServiceRequest(requests.get(i), "[" + i + "]").service());
      }
      return services;
    }
  }

  private static String read(String file) {
    try (InputStream in = SeedFiles.class.getClassLoader().getResourceAsStream(SEED + file)) {
      if (in == null) {
        throw new IllegalStateException("seed file " + SEED + file + " is missing from the WAR");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
