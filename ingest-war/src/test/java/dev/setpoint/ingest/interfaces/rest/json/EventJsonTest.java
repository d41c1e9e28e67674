package dev.setpoint.ingest.interfaces.rest.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.setpoint.contracts.edgex.AddEventRequest;
import dev.setpoint.ingest.application.InvalidEventException;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventJsonTest {
  private static JsonValue json(String text) {
    return Json.createReader(new StringReader(text.replace('\'', '"'))).readValue();
  }

  private static String event(String reading) {
    return "{'event':{'id':'x','origin':1764316800000000000,'readings':[" + reading + "]}}";
  }

  @Test
  void readsAnEdgeXEvent() {
    AddEventRequest request =
        EventJson.read(
            json(
                event(
                    "{'resourceName':'t','valueType':'Float64','value':'2.1e+01','origin':5,"
                        + "'tags':{'a':1}}")));
    assertEquals(BigInteger.valueOf(1764316800000000000L), request.event().origin());
    assertEquals("2.1e+01", request.event().readings().get(0).value());
    assertEquals("1", request.event().readings().get(0).tags().get("a"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{'resourceName':'t','value':21.5}|event.readings[0].value must be a string, was a number",
        "{'resourceName':'t','value':true}|event.readings[0].value must be a string, was a boolean",
        "{'resourceName':7}|event.readings[0].resourceName must be a string, was a number",
        "{'valueType':['Float64']}|event.readings[0].valueType must be a string, was an array",
        "{'origin':'5'}|event.readings[0].origin must be an integer, was a string",
        "{'origin':1.5}|event.readings[0].origin must be an integer epoch in nanoseconds, was 1.5",
        "{'valu':'1'}|event.readings[0].valu is not a known field",
        "7|event.readings[0] must be a JSON object, was a number",
      })
  void refusesWrongJsonTypes(String reading, String message) {
    assertEquals(
        message,
        assertThrows(InvalidEventException.class, () -> EventJson.read(json(event(reading))))
            .getMessage());
  }

  @Test
  void refusesHugeOriginsWithoutBuildingThem() {
    assertEquals(
        "event.origin must be a positive int64 epoch in nanoseconds, was 1E+999999",
        assertThrows(
                InvalidEventException.class,
                () -> EventJson.read(json("{'event':{'origin':1e999999}}")))
            .getMessage());
    assertEquals(
        BigInteger.TEN.pow(30), EventJson.read(json("{'event':{'origin':1e30}}")).event().origin());
    assertEquals(
        "event must be a JSON object, was a string",
        assertThrows(InvalidEventException.class, () -> EventJson.read(json("{'event':'x'}")))
            .getMessage());
  }
}
