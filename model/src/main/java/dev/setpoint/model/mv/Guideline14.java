package dev.setpoint.model.mv;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A baseline's goodness of fit as ASHRAE Guideline 14 judges it, with n points, p parameters,
 * measured y, modelled ŷ and mean ȳ: {@code CV(RMSE) = √(Σ(y−ŷ)²/(n−p)) / ȳ} and {@code NMBE =
 * Σ(y−ŷ) / ((n−p)·ȳ)}. The guideline's limits for a model to serve as a baseline: CV(RMSE) ≤ 15 %
 * and |NMBE| ≤ 5 % on monthly data, ≤ 30 % and ≤ 10 % on hourly data. A least-squares fit with an
 * intercept has NMBE = 0 on its own data; NMBE matters on other data (monthly sums, a hold-out).
 *
 * @param n points
 * @param p the model's parameters (change points included)
 * @param meanY ȳ
 * @param cvRmse CV(RMSE) as a fraction (0.1 = 10 %)
 * @param nmbe NMBE as a fraction
 */
public record Guideline14(int n, int p, double meanY, double cvRmse, double nmbe) {

  /** The data's granularity, with the guideline's limits for it. */
  public enum Granularity {
    HOURLY("hourly", 0.30, 0.10),
    MONTHLY("monthly", 0.15, 0.05);

    private final String label;
    private final double maxCv;
    private final double maxNmbe;

    Granularity(String label, double maxCv, double maxNmbe) {
      this.label = label;
      this.maxCv = maxCv;
      this.maxNmbe = maxNmbe;
    }

    public String label() {
      return label;
    }

    public double maxCvRmse() {
      return maxCv;
    }

    public double maxAbsNmbe() {
      return maxNmbe;
    }
  }

  /** Whether the fit may serve as a baseline at a granularity, and if not, why. */
  public record Verdict(Granularity granularity, boolean accepted, String reason) {}

  /** The statistics of {@code yhat} against {@code y} for a model of {@code p} parameters. */
  public static Guideline14 of(double[] y, double[] yhat, int p) {
    if (y.length != yhat.length) {
      throw new IllegalArgumentException("y and ŷ differ in length");
    }
    int n = y.length;
    double sum = 0;
    double bias = 0;
    double sq = 0;
    for (int i = 0; i < n; i++) {
      double r = y[i] - yhat[i];
      sum += y[i];
      bias += r;
      sq += r * r;
    }
    double mean = n == 0 ? Double.NaN : sum / n;
    if (n <= p) {
      return new Guideline14(n, p, mean, Double.NaN, Double.NaN);
    }
    return new Guideline14(n, p, mean, Math.sqrt(sq / (n - p)) / mean, bias / ((n - p) * mean));
  }

  /**
   * The same statistics on calendar-month sums of hourly {@code y} and {@code yhat} (times in
   * {@code zone}); a month with less than 80 % of its hours is left out, as a bill for part of a
   * month would be.
   */
  public static Guideline14 monthly(
      List<Instant> times, double[] y, double[] yhat, int p, ZoneId zone) {
    Map<YearMonth, double[]> months = new LinkedHashMap<>();
    for (int i = 0; i < times.size(); i++) {
      YearMonth month = YearMonth.from(times.get(i).atZone(zone));
      double[] s = months.computeIfAbsent(month, k -> new double[3]);
      s[0] += y[i];
      s[1] += yhat[i];
      s[2]++;
    }
    List<double[]> kept = new ArrayList<>();
    for (var e : months.entrySet()) {
      if (e.getValue()[2] >= 0.8 * e.getKey().lengthOfMonth() * 24) {
        kept.add(e.getValue());
      }
    }
    double[] my = new double[kept.size()];
    double[] mhat = new double[kept.size()];
    for (int i = 0; i < kept.size(); i++) {
      my[i] = kept.get(i)[0];
      mhat[i] = kept.get(i)[1];
    }
    return of(my, mhat, p);
  }

  /** The guideline's verdict at a granularity, with the reason when the fit is refused. */
  public Verdict verdict(Granularity g) {
    if (n <= p) {
      return new Verdict(
          g,
          false,
          String.format(
              Locale.ROOT,
              "refused: %d %s points for %d parameters (n − p must be positive)",
              n,
              g.label(),
              p));
    }
    if (!(meanY > 0)) {
      return new Verdict(g, false, "refused: the mean energy is not positive");
    }
    List<String> why = new ArrayList<>();
    if (!(cvRmse <= g.maxCvRmse())) {
      why.add(
          String.format(
              Locale.ROOT, "CV(RMSE) %.1f %% > %.0f %%", 100 * cvRmse, 100 * g.maxCvRmse()));
    }
    if (!(Math.abs(nmbe) <= g.maxAbsNmbe())) {
      why.add(
          String.format(
              Locale.ROOT, "|NMBE| %.1f %% > %.0f %%", 100 * Math.abs(nmbe), 100 * g.maxAbsNmbe()));
    }
    if (!why.isEmpty()) {
      return new Verdict(g, false, "refused: " + String.join(", ", why) + " (" + g.label() + ")");
    }
    return new Verdict(
        g,
        true,
        String.format(
            Locale.ROOT,
            "accepted: CV(RMSE) %.1f %% ≤ %.0f %%, |NMBE| %.2f %% ≤ %.0f %% (%s, n = %d, p = %d)",
            100 * cvRmse,
            100 * g.maxCvRmse(),
            100 * Math.abs(nmbe),
            100 * g.maxAbsNmbe(),
            g.label(),
            n,
            p));
  }
}
