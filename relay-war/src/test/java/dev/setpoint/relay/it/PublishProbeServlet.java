package dev.setpoint.relay.it;

import dev.setpoint.contracts.telemetry.TelemetryMessage;
import dev.setpoint.contracts.telemetry.TelemetryReading;
import dev.setpoint.relay.domain.TelemetryPublisher;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Test-only entry into the deployed relay: publishes one telemetry message through the relay's real
 * {@link TelemetryPublisher} (device and event id from the query, the source padded with {@code
 * padding} characters) and answers how its stage ended: {@code acked}, or {@code failed} and the
 * cause's class and message, or {@code open} when it did not end within 60 s. Added to the WAR by
 * {@link PublishIT} only.
 */
@WebServlet("/it/publish")
public class PublishProbeServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient TelemetryPublisher publisher;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    int padding = Integer.parseInt(request.getParameter("padding"));
    TelemetryMessage message =
        new TelemetryMessage(
            TelemetryMessage.SCHEMA_VERSION,
            request.getParameter("event"),
            request.getParameter("device"),
            "room-sensor",
            "climate" + "x".repeat(padding),
            System.currentTimeMillis() * 1_000_000L,
            List.of(new TelemetryReading("temperature", 21.0, "degC")),
            null,
            null,
            null,
            null,
            null);
    response.setContentType("text/plain");
    String outcome;
    try {
      publisher.publish(message).toCompletableFuture().get(60, TimeUnit.SECONDS);
      outcome = "acked";
    } catch (ExecutionException e) {
      outcome = "failed " + e.getCause().getClass().getName() + ": " + e.getCause().getMessage();
    } catch (TimeoutException e) {
      outcome = "open";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      outcome = "interrupted";
    }
    response.getWriter().print(outcome);
  }
}
