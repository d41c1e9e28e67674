package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.ingest.application.EventNotFoundException;
import dev.setpoint.ingest.application.InvalidQueryException;
import dev.setpoint.ingest.application.ResultLimitExceededException;
import dev.setpoint.ingest.domain.SearchBoundedException;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/** Runs a read and answers it: 200 with the body, or the EdgeX error body for its failure. */
final class QueryResponses {
  private QueryResponses() {}

  static Response ok(Supplier<Object> read) {
    return answer(200, read);
  }

  static Response answer(int status, Supplier<Object> operation) {
    try {
      return Response.status(status)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(operation.get())
          .build();
    } catch (InvalidQueryException e) {
      return EdgeXErrors.of(400, null, e.getMessage());
    } catch (EventNotFoundException | SearchBoundedException e) {
      return EdgeXErrors.of(404, null, e.getMessage());
    } catch (ResultLimitExceededException e) {
      return EdgeXErrors.of(413, null, e.getMessage());
    } catch (StoreUnavailableException e) {
      return EdgeXErrors.of(503, null, e.getMessage() + "; retry later");
    }
  }
}
