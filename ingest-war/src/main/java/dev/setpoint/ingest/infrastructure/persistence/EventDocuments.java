package dev.setpoint.ingest.infrastructure.persistence;

import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.BufferedReading;
import dev.setpoint.contracts.buffer.EdgeLog;
import dev.setpoint.contracts.buffer.EventState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Maps {@link BufferedEvent} to and from the documents of the edge buffer's batch log ({@link
 * EdgeLog}): an event embedded in its batch document, and the batch document itself. An embedded
 * event carries every component of {@link BufferedEvent} under its {@code @Column} name, the event
 * id as {@link EdgeLog#EVENT_ID}, longs as int64 and a {@code null} component as an explicit BSON
 * null; it has no {@code state} and no {@code forwardedAt}: whether an event was forwarded is the
 * relay's cursor's to say, not a field to update. {@code StoredLayoutIT} checks the layout in the
 * running application. Reading is lenient about absent fields and wrong types, as documents written
 * by hand (the relay's tests, an operator) may break the layout.
 *
 * <p>{@link #fromLegacy} reads the layout before the batch log (one document per event in {@link
 * BufferedEvent#COLLECTION}, the id as {@code _id}, with a {@code state}) for the one-time move at
 * upgrade ({@link LegacyBufferMigration}).
 */
final class EventDocuments {
  static final String ID = "_id";
  static final String DEVICE_NAME = "deviceName";
  static final String PROFILE_NAME = "profileName";
  static final String SOURCE_NAME = "sourceName";
  static final String ORIGIN = "origin";
  static final String READINGS = "readings";
  static final String STATE = "state";
  static final String RECEIVED_AT = "receivedAt";
  static final String FORWARDED_AT = "forwardedAt";
  static final String SITE = "site";
  static final String ROOM = "room";
  static final String READING_ID = "id";
  static final String RESOURCE_NAME = "resourceName";
  static final String VALUE_TYPE = "valueType";
  static final String VALUE = "value";
  static final String UNITS = "units";

  private EventDocuments() {}

  /**
   * The batch document for these events.
   *
   * @param seq its sequence number, the document's {@code _id}
   * @param events none for a released number (see {@link BatchAppender})
   */
  static Document batch(long seq, long storedAtMillis, List<BufferedEvent> events) {
    Map<String, Integer> perDevice = new LinkedHashMap<>();
    List<Document> embedded = new ArrayList<>(events.size());
    for (BufferedEvent event : events) {
      embedded.add(toEmbedded(event));
      perDevice.merge(String.valueOf(event.deviceName()), 1, Integer::sum);
    }
    List<Document> devices = new ArrayList<>(perDevice.size());
    perDevice.forEach(
        (device, count) ->
            devices.add(new Document(EdgeLog.DEVICE, device).append(EdgeLog.COUNT, count)));
    return new Document(EdgeLog.ID, seq)
        .append(EdgeLog.STORED_AT, storedAtMillis)
        .append(EdgeLog.COUNT, events.size())
        .append(EdgeLog.DEVICES, devices)
        .append(EdgeLog.EVENTS, embedded);
  }

  /** The events of a batch document, in their stored order, in the given state. */
  static List<BufferedEvent> eventsOf(Document batch, EventState state) {
    List<BufferedEvent> events = new ArrayList<>();
    if (batch.get(EdgeLog.EVENTS) instanceof List<?> stored) {
      for (Object event : stored) {
        if (event instanceof Document embedded) {
          events.add(fromEmbedded(embedded, state));
        }
      }
    }
    return events;
  }

  /** The per-device summary of a batch document: device name to event count. */
  static Map<String, Integer> devicesOf(Document batch) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    if (batch.get(EdgeLog.DEVICES) instanceof List<?> devices) {
      for (Object entry : devices) {
        if (entry instanceof Document device
            && device.get(EdgeLog.DEVICE) instanceof String name
            && device.get(EdgeLog.COUNT) instanceof Number count) {
          counts.merge(name, count.intValue(), Integer::sum);
        }
      }
    }
    return counts;
  }

  static Document toEmbedded(BufferedEvent event) {
    List<Document> readings = new ArrayList<>(event.readings().size());
    for (BufferedReading reading : event.readings()) {
      readings.add(
          new Document(READING_ID, reading.id())
              .append(ORIGIN, reading.origin())
              .append(RESOURCE_NAME, reading.resourceName())
              .append(VALUE_TYPE, reading.valueType())
              .append(VALUE, reading.value())
              .append(UNITS, reading.units()));
    }
    return new Document(EdgeLog.EVENT_ID, event.id())
        .append(DEVICE_NAME, event.deviceName())
        .append(PROFILE_NAME, event.profileName())
        .append(SOURCE_NAME, event.sourceName())
        .append(ORIGIN, event.origin())
        .append(READINGS, readings)
        .append(RECEIVED_AT, event.receivedAt())
        .append(SITE, event.site())
        .append(ROOM, event.room());
  }

  /** An event as embedded in its batch document, in the given state. */
  static BufferedEvent fromEmbedded(Document document, EventState state) {
    return read(document, string(document, EdgeLog.EVENT_ID), state, null);
  }

  /**
   * The event a document of the layout before the batch log holds. Lenient like {@link
   * #fromEmbedded}; an unknown state reads as {@code null}.
   */
  static BufferedEvent fromLegacy(Document document) {
    return read(
        document,
        String.valueOf(document.get(ID)),
        state(string(document, STATE)),
        document.get(FORWARDED_AT) instanceof Number at ? at.longValue() : null);
  }

  private static BufferedEvent read(
      Document document, String id, EventState state, Long forwardedAt) {
    List<BufferedReading> readings = new ArrayList<>();
    if (document.get(READINGS) instanceof List<?> stored) {
      for (Object reading : stored) {
        if (reading instanceof Document embedded) {
          readings.add(readingFrom(embedded));
        }
      }
    }
    return new BufferedEvent(
        id,
        string(document, DEVICE_NAME),
        string(document, PROFILE_NAME),
        string(document, SOURCE_NAME),
        number(document, ORIGIN),
        readings,
        state,
        number(document, RECEIVED_AT),
        forwardedAt,
        string(document, SITE),
        string(document, ROOM));
  }

  /** A reading as embedded in its event; as lenient as {@link #fromEmbedded}. */
  static BufferedReading readingFrom(Document reading) {
    return new BufferedReading(
        string(reading, READING_ID),
        number(reading, ORIGIN),
        string(reading, RESOURCE_NAME),
        string(reading, VALUE_TYPE),
        string(reading, VALUE),
        string(reading, UNITS));
  }

  static long number(Document document, String field) {
    return document.get(field) instanceof Number number ? number.longValue() : 0L;
  }

  private static String string(Document document, String field) {
    return document.get(field) instanceof String text ? text : null;
  }

  private static EventState state(String name) {
    for (EventState state : EventState.values()) {
      if (state.name().equals(name)) {
        return state;
      }
    }
    return null;
  }
}
