package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.contracts.edgex.ApiVersion;
import dev.setpoint.contracts.edgex.BaseResponse;
import dev.setpoint.ingest.application.CommandSupersededException;
import dev.setpoint.ingest.application.DeviceLockedException;
import dev.setpoint.ingest.application.InvalidCommandException;
import dev.setpoint.ingest.application.InvalidEventException;
import dev.setpoint.ingest.application.InvalidMetadataException;
import dev.setpoint.ingest.application.MetadataInUseException;
import dev.setpoint.ingest.application.RetryLaterException;
import dev.setpoint.ingest.application.UnknownMetadataException;
import dev.setpoint.ingest.application.legacy.LegacyDeviceConflictException;
import dev.setpoint.ingest.application.legacy.LegacyReadsOffException;
import dev.setpoint.ingest.application.legacy.LegacyScopeException;
import dev.setpoint.ingest.domain.DuplicateEventException;
import dev.setpoint.ingest.domain.DuplicateNameException;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import jakarta.ws.rs.core.Response;
import java.util.OptionalInt;
import java.util.function.Supplier;

/** The EdgeX status of each refusal of the metadata and command use cases. */
final class MetadataResponses {
  private MetadataResponses() {}

  /** The status for an application refusal, or empty for an unexpected failure. */
  static OptionalInt status(RuntimeException e) {
    if (e instanceof BadRequestBodyException bad) {
      return OptionalInt.of(bad.status());
    }
    if (e instanceof InvalidMetadataException
        || e instanceof InvalidCommandException
        || e instanceof InvalidEventException) {
      return OptionalInt.of(400);
    }
    if (e instanceof LegacyScopeException) {
      return OptionalInt.of(403);
    }
    if (e instanceof UnknownMetadataException || e instanceof LegacyReadsOffException) {
      return OptionalInt.of(404);
    }
    if (e instanceof RetryLaterException later) {
      return OptionalInt.of(EdgeXErrors.status(later));
    }
    if (e instanceof DuplicateNameException
        || e instanceof LegacyDeviceConflictException
        || e instanceof MetadataInUseException
        || e instanceof CommandSupersededException
        || e instanceof DuplicateEventException) {
      return OptionalInt.of(409);
    }
    if (e instanceof DeviceLockedException) {
      return OptionalInt.of(423);
    }
    if (e instanceof StoreUnavailableException) {
      return OptionalInt.of(503);
    }
    return OptionalInt.empty();
  }

  /** Runs the handler; a refusal becomes its EdgeX error response, anything else propagates. */
  static Response call(Supplier<Response> handler) {
    try {
      return handler.get();
    } catch (RuntimeException e) {
      OptionalInt status = status(e);
      if (status.isEmpty()) {
        throw e;
      }
      Response error = EdgeXErrors.of(status.getAsInt(), null, message(e, status.getAsInt()));
      return e instanceof RetryLaterException later ? EdgeXErrors.retryLater(error, later) : error;
    }
  }

  static String message(RuntimeException e, int status) {
    return status == 503 ? e.getMessage() + "; retry later" : e.getMessage();
  }

  /** The plain 200 answer of a delete or a command write. */
  static BaseResponse ok(String requestId) {
    return new BaseResponse(ApiVersion.V3, requestId, null, 200);
  }
}
