package dev.setpoint.analytics.infrastructure.notify;

import dev.setpoint.analytics.application.notify.WebhookTargets;
import dev.setpoint.analytics.domain.notify.ChannelSender;
import dev.setpoint.analytics.domain.notify.SendResult;
import dev.setpoint.analytics.domain.notify.Subscription;
import dev.setpoint.analytics.domain.notify.Transmission;
import dev.setpoint.analytics.domain.notify.WebhookChannel;
import dev.setpoint.contracts.alert.WebhookSignature;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a transmission to its webhook: one POST of the body ({@link WebhookBodies}) with its
 * signature ({@link WebhookSignature}), its delivery id and its event in headers. A 2xx answer is
 * delivered; anything else (another status, no connection, no answer within the timeout) is a
 * failure. The whole exchange, answer included, is bounded by the timeout, so a receiver that hangs
 * holds this attempt no longer. Redirects are not followed (a receiver cannot send the alert on to
 * another address), and the URL is checked again before each attempt ({@link WebhookTargets}).
 */
public final class WebhookSender implements ChannelSender, AutoCloseable {
  private final HttpClient client;
  private final Duration timeout;
  private final WebhookTargets targets;
  private final Clock clock;

  public WebhookSender(Duration timeout, WebhookTargets targets, Clock clock) {
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.timeout = timeout;
    this.targets = targets;
    this.clock = clock;
  }

  @Override
  public SendResult send(Transmission t, Subscription subscription) {
    if (!(t.channel() instanceof WebhookChannel channel)) {
      return SendResult.failed("not sent: not a webhook channel");
    }
    Optional<String> refusal = targets.refusal(channel.url(), List.of());
    if (refusal.isPresent()) {
      return SendResult.failed("not sent: the url " + refusal.get());
    }
    byte[] body = WebhookBodies.body(t, channel.format()).getBytes(StandardCharsets.UTF_8);
    long timestamp = clock.instant().getEpochSecond();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(channel.url())
            .timeout(timeout)
            .header("Content-Type", "application/json; charset=utf-8")
            .header("User-Agent", "Setpoint-Analytics-Notifications")
            .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
            .header(WebhookSignature.DELIVERY_HEADER, t.id())
            .header(WebhookSignature.EVENT_HEADER, t.event().code())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (subscription.secret() != null) {
      request.header(
          WebhookSignature.SIGNATURE_HEADER,
          WebhookSignature.sign(subscription.secret(), timestamp, body));
    }
    CompletableFuture<HttpResponse<Void>> exchange =
        client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding());
    try {
      int status = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
      String response = "HTTP " + status;
      return status / 100 == 2 ? SendResult.delivered(response) : SendResult.failed(response);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      return SendResult.failed(noAnswer());
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      return SendResult.failed("not sent: interrupted");
    } catch (ExecutionException e) {
      return SendResult.failed(failure(e.getCause()));
    }
  }

  private String noAnswer() {
    return "no answer within " + timeout;
  }

  private String failure(Throwable cause) {
    if (cause instanceof HttpTimeoutException) {
      return noAnswer();
    }
    if (cause instanceof ConnectException) {
      return "could not connect: " + (cause.getMessage() == null ? "refused" : cause.getMessage());
    }
    return "failed: " + cause;
  }

  @Override
  public void close() {
    client.close();
  }
}
