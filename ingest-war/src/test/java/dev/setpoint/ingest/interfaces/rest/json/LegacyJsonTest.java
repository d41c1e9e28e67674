package dev.setpoint.ingest.interfaces.rest.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.ingest.application.InvalidEventException;
import dev.setpoint.ingest.application.legacy.Addressable;
import dev.setpoint.ingest.application.legacy.LegacyDeviceService;
import dev.setpoint.ingest.application.legacy.LegacyEvent;
import dev.setpoint.ingest.application.legacy.LegacyReading;
import dev.setpoint.ingest.application.legacy.ValueDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LegacyJsonTest {

  @Test
  void readsTheScriptsValueDescriptorsWithNumbersAndNoType() {
    ValueDescriptor temperature =
        LegacyJson.valueDescriptor(
            """
            {"name":"temperature","min":-40,"max":140,"type":"F","uomLabel":"degree cel",
             "defaultValue":0,"formatting":"%s","labels":["temp","hvac"]}""");
    assertEquals(
        new ValueDescriptor(
            null,
            "temperature",
            -40.0,
            140.0,
            "0",
            "Float64",
            "degree cel",
            "%s",
            List.of("temp", "hvac"),
            null),
        temperature);
    ValueDescriptor device =
        LegacyJson.valueDescriptor("{\"name\":\"device\",\"formatting\":\"%s\"}");
    assertEquals("String", device.valueType());
    assertNull(device.min());
  }

  @Test
  void acceptsNumbersSentAsStrings() {
    ValueDescriptor humidity =
        LegacyJson.valueDescriptor(
            "{\"name\":\"humidity\",\"min\":\"0\",\"max\":\"100\",\"type\":\"f\"}");
    assertEquals(0.0, humidity.min());
    assertEquals(100.0, humidity.max());
    assertEquals("Float64", humidity.valueType());
  }

  @Test
  void readsTheScriptsAddressableWithAStringPortAndDropsThePassword() {
    Addressable addressable =
        LegacyJson.addressable(
            """
            {"origin":1471806386919,"name":"Device1","protocol":"HTTP","address":"",
             "port":"161","path":"","publisher":"none","user":"none","password":"secret",
             "topic":"none"}""");
    assertEquals(161, addressable.port());
    assertEquals("Device1", addressable.name());
    assertTrue(!addressable.toString().contains("secret"));
  }

  @Test
  void readsTheScriptsDeviceServiceWithV1States() {
    LegacyDeviceService service =
        LegacyJson.deviceService(
            """
            {"origin":1471806386919,"name":"edgex-Device1","description":"temperature service",
             "lastConnected":0,"lastReported":0,"labels":["snmp","rtu","io"],
             "adminState":"unlocked","operatingState":"enabled",
             "addressable":{"name":"Device1-address"}}""");
    assertEquals("UNLOCKED", service.adminState());
    assertEquals("UP", service.operatingState());
    assertEquals("Device1-address", service.addressableName());
  }

  @Test
  void readsTheScriptsEventWithNumericAndTextValues() {
    LegacyEvent event =
        LegacyJson.event(
            """
            {"origin":1471806386919,"device":"Device1","readings":[
             {"origin":1471806386919,"name":"device","value":"Device1"},
             {"origin":1471806386919,"name":"time","value":"26.11.28-09:45:00"},
             {"origin":1471806386919,"name":"temperature","value":23.5},
             {"origin":1471806386919,"name":"humidity","value":41.2}]}""");
    assertEquals("Device1", event.device());
    assertEquals(1471806386919L, event.origin());
    assertEquals(4, event.readings().size());
    assertEquals(new LegacyReading("temperature", "23.5", 1471806386919L), event.readings().get(2));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "[]",
        "{",
        "{\"device\":\"d\"}",
        "{\"device\":\"d\",\"readings\":[]}",
        "{\"device\":\"d\",\"readings\":{}}",
        "{\"device\":\" \",\"readings\":[{\"name\":\"t\",\"value\":1}]}",
        "{\"device\":\"d\",\"readings\":[{\"value\":1}]}",
        "{\"device\":\"d\",\"readings\":[{\"name\":\"t\"}]}",
        "{\"device\":\"d\",\"readings\":[1]}",
        "{\"device\":\"d\",\"origin\":1.5,\"readings\":[{\"name\":\"t\",\"value\":1}]}",
        "{\"device\":\"d\",\"origin\":\"soon\",\"readings\":[{\"name\":\"t\",\"value\":1}]}",
        "{\"device\":{\"x\":1},\"readings\":[{\"name\":\"t\",\"value\":1}]}"
      })
  void refusesEventsItCannotStore(String body) {
    InvalidEventException e =
        assertThrows(InvalidEventException.class, () -> LegacyJson.event(body));
    assertTrue(!e.getMessage().isBlank());
  }

  @Test
  void namesTheFieldAtFault() {
    InvalidEventException port =
        assertThrows(
            InvalidEventException.class,
            () -> LegacyJson.addressable("{\"name\":\"a\",\"port\":\"http\"}"));
    assertTrue(port.getMessage().startsWith("port"), port.getMessage());
    InvalidEventException type =
        assertThrows(
            InvalidEventException.class,
            () -> LegacyJson.valueDescriptor("{\"name\":\"a\",\"type\":\"Q\"}"));
    assertTrue(type.getMessage().startsWith("type"), type.getMessage());
    InvalidEventException state =
        assertThrows(
            InvalidEventException.class,
            () -> LegacyJson.deviceService("{\"name\":\"s\",\"adminState\":\"open\"}"));
    assertTrue(state.getMessage().startsWith("adminState"), state.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"70000", "-1", "8.5", "NaN"})
  void refusesPortsThatAreNotPorts(String port) {
    assertThrows(
        InvalidEventException.class,
        () -> LegacyJson.addressable("{\"name\":\"a\",\"port\":\"" + port + "\"}"));
  }
}
