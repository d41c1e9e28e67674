package dev.setpoint.ingest.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;

/**
 * The HTTP calls and stored documents the ingest ITs share: one place to add what every request
 * needs (headers, credentials).
 */
final class IngestApi {
  private final URL base;
  private final Api api;
  private final Set<String> registered = ConcurrentHashMap.newKeySet();

  IngestApi(URL base) {
    this.base = base;
    this.api = new Api(base);
  }

  URI uri(String path) throws Exception {
    return base.toURI().resolve(path);
  }

  HttpResponse<String> get(String path) throws Exception {
    return api.get(path);
  }

  HttpResponse<String> delete(String path) throws Exception {
    return api.send("DELETE", path, null, null);
  }

  HttpResponse<String> post(String path, String json) throws Exception {
    return api.post(path, json);
  }

  /** Registers the device once; concurrent posters wait until it is registered. */
  private synchronized void register(String device) throws Exception {
    if (!registered.contains(device)) {
      api.registerDevice(device, "room-sensor");
      registered.add(device);
    }
  }

  /** Posts a one-reading EdgeX v3 event for the device, registering the device first. */
  HttpResponse<String> postEvent(String id, String device, long origin) throws Exception {
    register(device);
    String json =
        """
        {"apiVersion":"v3","event":{"apiVersion":"v3","id":"%s","deviceName":"%s",
         "profileName":"room-sensor","sourceName":"climate","origin":%d,"readings":[
          {"resourceName":"temperature","valueType":"Float64","value":"21.5","units":"degC"}]}}
        """
            .formatted(id, device, origin);
    return post("api/v3/event/" + Api.SERVICE + "/room-sensor/" + device + "/climate", json);
  }

  static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  /**
   * A stored event exactly as ingest writes it (see {@code StoredLayoutIT}), with one reading per
   * resource name, each read {@code i} ns after the event's origin.
   */
  /** An event as ingest embeds it in a batch of the edge buffer's log. */
  static Document stored(String id, String device, long origin, List<String> resources) {
    List<Document> readings = new ArrayList<>();
    for (int i = 0; i < resources.size(); i++) {
      readings.add(
          new Document("id", UUID.randomUUID().toString())
              .append("origin", origin + i)
              .append("resourceName", resources.get(i))
              .append("valueType", "Float64")
              .append("value", Integer.toString(20 + i))
              .append("units", i == 0 ? "degC" : null));
    }
    return new Document("id", id)
        .append("deviceName", device)
        .append("profileName", "room-sensor")
        .append("sourceName", "climate")
        .append("origin", origin)
        .append("readings", readings)
        .append("receivedAt", System.currentTimeMillis())
        .append("site", null)
        .append("room", null);
  }

  /**
   * Stores {@code count} events for the device, one batch each, origins {@code origin + 1000 k}.
   */
  static List<String> storeEvents(
      EdgeLogView events, String device, long origin, int count, List<String> resources) {
    List<String> ids = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      String id = UUID.randomUUID().toString();
      events.append(
          System.currentTimeMillis(), List.of(stored(id, device, origin + 1000L * k, resources)));
      ids.add(id);
    }
    return ids;
  }
}
