package dev.setpoint.ingest.infrastructure.persistence;

import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.BufferedReading;
import dev.setpoint.contracts.buffer.EventState;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * Maps {@link BufferedEvent} to and from the MongoDB document that JNoSQL reads and writes for it,
 * field for field, so the relay (which reads and rewrites these documents through JNoSQL) and
 * ingest (which writes them with the driver's {@code insertMany}) share one layout. JNoSQL's
 * mapping costs a reflective walk per event; this is a few map puts.
 *
 * <p>The layout JNoSQL 1.1 writes, and this class with it: the id as {@code _id}; every other
 * component under its {@code @Column} name; longs as int64; the state as the enum's name; readings
 * as an array of embedded documents; a {@code null} component written as an explicit BSON null (so
 * {@code forwardedAt} is null until the relay forwards the event). Field order is not part of it
 * (JNoSQL's follows a hash map). {@code StoredLayoutIT} checks the equality against JNoSQL itself,
 * inside the running application, in both directions. Reading is lenient about absent fields, as
 * documents written by hand (the relay's tests, an operator) may leave them out.
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

  static Document toDocument(BufferedEvent event) {
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
    return new Document(ID, event.id())
        .append(DEVICE_NAME, event.deviceName())
        .append(PROFILE_NAME, event.profileName())
        .append(SOURCE_NAME, event.sourceName())
        .append(ORIGIN, event.origin())
        .append(READINGS, readings)
        .append(STATE, event.state() == null ? null : event.state().name())
        .append(RECEIVED_AT, event.receivedAt())
        .append(FORWARDED_AT, event.forwardedAt())
        .append(SITE, event.site())
        .append(ROOM, event.room());
  }

  /**
   * The event a stored document holds. Lenient: the buffer may hold documents that break the layout
   * (the relay sets such events aside as REJECTED and keeps them for an operator), and a read must
   * show them rather than fail; a field of the wrong type reads as absent.
   */
  static BufferedEvent fromDocument(Document document) {
    List<BufferedReading> readings = new ArrayList<>();
    if (document.get(READINGS) instanceof List<?> stored) {
      for (Object reading : stored) {
        if (reading instanceof Document embedded) {
          readings.add(readingFrom(embedded));
        }
      }
    }
    return new BufferedEvent(
        String.valueOf(document.get(ID)),
        string(document, DEVICE_NAME),
        string(document, PROFILE_NAME),
        string(document, SOURCE_NAME),
        number(document, ORIGIN),
        readings,
        state(string(document, STATE)),
        number(document, RECEIVED_AT),
        document.get(FORWARDED_AT) instanceof Number at ? at.longValue() : null,
        string(document, SITE),
        string(document, ROOM));
  }

  /** A reading as embedded in its event's document; as lenient as {@link #fromDocument}. */
  static BufferedReading readingFrom(Document reading) {
    return new BufferedReading(
        string(reading, READING_ID),
        number(reading, ORIGIN),
        string(reading, RESOURCE_NAME),
        string(reading, VALUE_TYPE),
        string(reading, VALUE),
        string(reading, UNITS));
  }

  private static String string(Document document, String field) {
    return document.get(field) instanceof String text ? text : null;
  }

  private static long number(Document document, String field) {
    return document.get(field) instanceof Number number ? number.longValue() : 0L;
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
