package dev.setpoint.ingest.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request readers: what reaches a resource method, and what is refused before it runs. */
class RequestReadersTest {
  private static final String PROFILE =
      "{'name':'p','deviceResources':[{'name':'t','properties':"
          + "{'valueType':'Float64','readWrite':'R','minimum':%s,'maximum':1}}]}";

  private static InputStream body(String text) {
    return new ByteArrayInputStream(text.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
  }

  private static BadRequestBodyException refusal(Runnable read) {
    return assertThrows(BadRequestBodyException.class, read::run);
  }

  private final MetadataBatchReader batches = new MetadataBatchReader(10_000);

  @Test
  void readsACheckedBatch() {
    MetadataBatch<?> batch =
        batches.read(
            MetadataBatch.AddProfiles.class,
            body("[{'requestId':'r','profile':" + PROFILE.formatted("0") + "}]"));
    MetadataBatch.AddProfiles profiles = (MetadataBatch.AddProfiles) batch;
    assertEquals("r", profiles.requests().get(0).requestId());
    assertEquals("p", profiles.requests().get(0).profile().name());
  }

  @Test
  void refusesTheWholeBatchNamingTheElementAtFault() {
    BadRequestBodyException e =
        refusal(
            () ->
                batches.read(
                    MetadataBatch.AddProfiles.class,
                    body(
                        "[{'profile':"
                            + PROFILE.formatted("0")
                            + "},{'profile':"
                            + PROFILE.formatted("5")
                            + "}]")));
    assertEquals(400, e.status());
    assertEquals(
        "[1].profile.deviceResources[0].properties.minimum 5.0 is greater than maximum 1.0",
        e.getMessage());
  }

  @Test
  void refusesWhatIsNoBatch() {
    assertEquals(
        "request body must be a JSON array of AddDeviceRequest, was an object",
        refusal(() -> batches.read(MetadataBatch.AddDevices.class, body("{}"))).getMessage());
    assertEquals(
        "request body must hold at least one UpdateDeviceRequest",
        refusal(() -> batches.read(MetadataBatch.UpdateDevices.class, body("[]"))).getMessage());
    assertEquals(
        "[0].service is required",
        refusal(() -> batches.read(MetadataBatch.AddDeviceServices.class, body("[{}]")))
            .getMessage());
    BadRequestBodyException big =
        refusal(
            () ->
                new MetadataBatchReader(10)
                    .read(MetadataBatch.AddDevices.class, body("[{},{},{},{}]")));
    assertEquals(413, big.status());
    assertEquals("request body exceeds 10 bytes", big.getMessage());
  }

  @Test
  void prefixesAnEventsFaultsAsEdgeXDoes() {
    EventRequestReader events = new EventRequestReader(10_000);
    assertEquals("d", events.read(body("{'event':{'deviceName':'d'}}")).event().deviceName());
    BadRequestBodyException wrongType =
        refusal(() -> events.read(body("{'event':{'origin':'1'}}")));
    assertEquals(400, wrongType.status());
    assertEquals(
        "request body is not a valid AddEventRequest: event.origin must be an integer, was a"
            + " string",
        wrongType.getMessage());
    assertTrue(
        refusal(() -> events.read(body("{}}")))
            .getMessage()
            .startsWith(
                "request body is not a valid AddEventRequest: request body is not valid JSON: "));
    BadRequestBodyException big = refusal(() -> new EventRequestReader(2).read(body("{'a':1}")));
    assertEquals(413, big.status());
    assertEquals("request body exceeds 2 bytes", big.getMessage());
  }

  @Test
  void readsCommandValuesAsText() {
    CommandValuesReader commands = new CommandValuesReader(10_000);
    assertEquals(Map.of("setpoint", "24.5"), commands.read(body("{'setpoint':24.5}")).values());
    assertEquals(400, refusal(() -> commands.read(body("[]"))).status());
  }
}
