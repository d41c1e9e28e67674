package dev.setpoint.model.mv;

import dev.setpoint.model.mv.Observation.Meter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A room's baseline: its energy per interval as a change-point regression on the variables the
 * controller does not influence, fitted by least squares on a baseline period (the room under its
 * own fixed setpoint), in the manner of ASHRAE's inverse-modelling toolkit (RP-1050) and IPMVP
 * Option B/C.
 *
 * <p>Terms, with T the outdoor temperature, D the outdoor dew point and L the compute load:
 *
 * <ul>
 *   <li>temperature, one of three forms: {@code 2P} (β·T), {@code 3PC} (β·max(0, T − τ): flat below
 *       the change point τ, where an economiser carries the load, rising above it), {@code 4P}
 *       (β₁·T + β₂·max(0, T − τ): two slopes);
 *   <li>humidity: γ·max(0, D − δ), or none: the coil condenses only above a dew point, so latent
 *       load starts at a threshold δ;
 *   <li>the compute load: λ·L (every kW of IT is a kW of heat to remove);
 *   <li>an intercept.
 * </ul>
 *
 * τ is searched on a 0.5 K grid and δ on a 1 K grid, both between the data's 5th and 95th
 * percentiles (a change point outside the data would extrapolate, not fit), by coordinate search
 * (τ, then δ or none, then τ again); the rest is ordinary least squares. Each change point counts
 * as a parameter. <b>The form is the one the data supports best</b>: the least CV(RMSE) with n − p
 * in its denominator, so a term must lower the residual more than its parameter costs. On the
 * study's data (docs/savings.md) that is the 4P with the dew-point term.
 */
public final class Baseline {
  /** The temperature term's form. */
  public enum Form {
    TWO_P("2P"),
    THREE_PC("3PC"),
    FOUR_P("4P");

    private final String label;

    Form(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    boolean linear() {
      return this != THREE_PC;
    }

    boolean hinge() {
      return this != TWO_P;
    }
  }

  private final Meter meter;
  private final Form form;
  private final double tau;
  private final double delta;
  private final double[] beta;
  private final boolean load;
  private final int p;
  private final List<Observation> data;
  private final double[] fitted;

  private Baseline(
      Meter meter,
      Form form,
      boolean load,
      double tau,
      double delta,
      double[] beta,
      List<Observation> data,
      double[] fitted) {
    this.meter = meter;
    this.form = form;
    this.load = load;
    this.tau = tau;
    this.delta = delta;
    this.beta = beta;
    this.p = beta.length + (form.hinge() ? 1 : 0) + (Double.isNaN(delta) ? 0 : 1);
    this.data = List.copyOf(data);
    this.fitted = fitted;
  }

  /**
   * Fits the baseline of {@code meter} on {@code data}, choosing the form and its change points.
   *
   * <p>The compute-load term is fitted when every observation has a finite {@link
   * Observation#computeKw()}, and left out when none has (a room whose IT load is not metered); its
   * absence is said by {@link #hasLoadTerm()} and {@link #describe()}.
   *
   * @throws IllegalArgumentException if there are fewer than 24 observations, a meter reading is
   *     missing, or some observations have a compute load and others not
   */
  public static Baseline fit(List<Observation> data, Meter meter) {
    int n = data.size();
    if (n < 24) {
      throw new IllegalArgumentException("a baseline needs at least 24 observations, got " + n);
    }
    double[] y = new double[n];
    double[] t = new double[n];
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      Observation o = data.get(i);
      y[i] = meter.energy(o);
      t[i] = o.outdoorC();
      d[i] = o.outdoorDewPointC();
      if (!Double.isFinite(y[i])) {
        throw new IllegalArgumentException(
            "no " + meter.label() + " reading at " + o.time() + " (the meter must be complete)");
      }
    }
    long withLoad = data.stream().filter(o -> Double.isFinite(o.computeKw())).count();
    if (withLoad != 0 && withLoad != n) {
      throw new IllegalArgumentException(
          "the compute load is known for "
              + withLoad
              + " of "
              + n
              + " observations: all or none must have it");
    }
    boolean load = withLoad == n;
    double[] tauGrid = grid(t, 0.5);
    double[] deltaGrid = grid(d, 1.0);
    Baseline best = null;
    for (Form form : Form.values()) {
      Baseline b = form.hinge() ? null : solve(data, y, meter, form, load, Double.NaN, Double.NaN);
      double tau = Double.NaN;
      double delta = Double.NaN;
      for (int pass = 0; pass < 2; pass++) {
        if (form.hinge()) {
          for (double candidate : tauGrid) {
            b = better(b, solve(data, y, meter, form, load, candidate, delta));
          }
          tau = b.tau;
        }
        if (pass == 0) {
          for (double candidate : deltaGrid) {
            b = better(b, solve(data, y, meter, form, load, tau, candidate));
          }
          delta = b.delta;
        }
      }
      best = better(best, b);
    }
    return best;
  }

  private static Baseline better(Baseline a, Baseline b) {
    if (b == null) {
      return a;
    }
    if (a == null) {
      return b;
    }
    return b.statistics().cvRmse() < a.statistics().cvRmse() ? b : a;
  }

  /** Candidate change points: the data's 5th to 95th percentile on a grid of {@code step}. */
  private static double[] grid(double[] v, double step) {
    double[] s = v.clone();
    Arrays.sort(s);
    double lo = Math.ceil(s[(int) (0.05 * (s.length - 1))] / step) * step;
    double hi = Math.floor(s[(int) (0.95 * (s.length - 1))] / step) * step;
    int count = Math.max(0, (int) Math.round((hi - lo) / step) + 1);
    double[] g = new double[count];
    for (int i = 0; i < count; i++) {
      g[i] = lo + i * step;
    }
    return g;
  }

  private static Baseline solve(
      List<Observation> data,
      double[] y,
      Meter meter,
      Form form,
      boolean load,
      double tau,
      double delta) {
    int k = terms(form, load, delta);
    double[][] xtx = new double[k][k];
    double[] xty = new double[k];
    double[] x = new double[k];
    for (int i = 0; i < y.length; i++) {
      row(data.get(i), form, load, tau, delta, x);
      for (int a = 0; a < k; a++) {
        xty[a] += x[a] * y[i];
        for (int b = 0; b <= a; b++) {
          xtx[a][b] += x[a] * x[b];
        }
      }
    }
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        xtx[a][b] = xtx[b][a];
      }
    }
    double[] beta = gauss(xtx, xty);
    if (beta == null) {
      return null; // singular: a hinge that no observation passes
    }
    double[] fitted = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      row(data.get(i), form, load, tau, delta, x);
      fitted[i] = dot(beta, x);
    }
    return new Baseline(meter, form, load, tau, delta, beta, data, fitted);
  }

  private static int terms(Form form, boolean load, double delta) {
    return 1
        + (load ? 1 : 0)
        + (form.linear() ? 1 : 0)
        + (form.hinge() ? 1 : 0)
        + (Double.isNaN(delta) ? 0 : 1);
  }

  private static void row(
      Observation o, Form form, boolean load, double tau, double delta, double[] x) {
    int j = 0;
    x[j++] = 1;
    if (form.linear()) {
      x[j++] = o.outdoorC();
    }
    if (form.hinge()) {
      x[j++] = Math.max(0, o.outdoorC() - tau);
    }
    if (!Double.isNaN(delta)) {
      x[j++] = Math.max(0, o.outdoorDewPointC() - delta);
    }
    if (load) {
      x[j] = o.computeKw();
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** Solves a·x = b by Gaussian elimination with partial pivoting; null when singular. */
  private static double[] gauss(double[][] a0, double[] b0) {
    int k = b0.length;
    double[][] a = new double[k][];
    for (int i = 0; i < k; i++) {
      a[i] = a0[i].clone();
    }
    double[] b = b0.clone();
    double scale = 0;
    for (int i = 0; i < k; i++) {
      scale = Math.max(scale, Math.abs(a[i][i]));
    }
    for (int c = 0; c < k; c++) {
      int piv = c;
      for (int r = c + 1; r < k; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
          piv = r;
        }
      }
      if (Math.abs(a[piv][c]) <= 1e-12 * scale) {
        return null;
      }
      double[] tmp = a[c];
      a[c] = a[piv];
      a[piv] = tmp;
      double tb = b[c];
      b[c] = b[piv];
      b[piv] = tb;
      for (int r = c + 1; r < k; r++) {
        double f = a[r][c] / a[c][c];
        for (int j = c; j < k; j++) {
          a[r][j] -= f * a[c][j];
        }
        b[r] -= f * b[c];
      }
    }
    double[] x = new double[k];
    for (int r = k - 1; r >= 0; r--) {
      double s = b[r];
      for (int j = r + 1; j < k; j++) {
        s -= a[r][j] * x[j];
      }
      x[r] = s / a[r][r];
    }
    return x;
  }

  /** The modelled energy of {@code o}'s interval under the baseline, kWh. */
  public double predict(Observation o) {
    double[] x = new double[beta.length];
    row(o, form, load, tau, delta, x);
    return dot(beta, x);
  }

  public Meter meter() {
    return meter;
  }

  public Form form() {
    return form;
  }

  /** The temperature change point τ, °C (NaN for the 2P form). */
  public double changePointC() {
    return tau;
  }

  /** The dew point δ above which humidity adds load, °C (NaN when the model has no such term). */
  public double dewPointThresholdC() {
    return delta;
  }

  /** Whether the model has the compute-load term (the load was known for every observation). */
  public boolean hasLoadTerm() {
    return load;
  }

  /**
   * The coefficients in the order intercept, T (2P, 4P), max(0, T − τ), max(0, D − δ), L (when it
   * has the load term).
   */
  public double[] coefficients() {
    return beta.clone();
  }

  /** Observations fitted. */
  public int n() {
    return data.size();
  }

  /** Parameters: coefficients and change points. */
  public int p() {
    return p;
  }

  /** The measured energies of the baseline period, kWh. */
  public double[] measured() {
    double[] y = new double[data.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = meter.energy(data.get(i));
    }
    return y;
  }

  /** The model's energies for the baseline period, kWh. */
  public double[] fitted() {
    return fitted.clone();
  }

  /** Measured less modelled, in time order. */
  public double[] residuals() {
    double[] y = measured();
    for (int i = 0; i < y.length; i++) {
      y[i] -= fitted[i];
    }
    return y;
  }

  /** The baseline period's interval starts. */
  public List<Instant> times() {
    return data.stream().map(Observation::time).toList();
  }

  /** Guideline 14's statistics of the fit at the data's own granularity. */
  public Guideline14 statistics() {
    return Guideline14.of(measured(), fitted, p);
  }

  /** Guideline 14's statistics on calendar-month sums (local months in {@code zone}). */
  public Guideline14 monthlyStatistics(ZoneId zone) {
    return Guideline14.monthly(times(), measured(), fitted, p, zone);
  }

  /**
   * The lag-1 autocorrelation of the residuals, Σ e_i·e_{i−1} / Σ e_i², counting only pairs one
   * hour apart (a baseline of interleaved days has gaps).
   */
  public double residualLag1() {
    double[] e = residuals();
    double num = 0;
    double den = 0;
    for (int i = 0; i < e.length; i++) {
      den += e[i] * e[i];
      if (i > 0 && data.get(i).time().minusSeconds(3600).equals(data.get(i - 1).time())) {
        num += e[i] * e[i - 1];
      }
    }
    return den == 0 ? 0 : num / den;
  }

  /** The model in a line, e.g. {@code 4P, τ = 14.5 °C, dew point above 12 °C, n = 8736, p = 8}. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "%s%s%s, %s, n = %d, p = %d",
        form.label(),
        form.hinge() ? String.format(Locale.ROOT, " (τ = %.1f °C)", tau) : "",
        Double.isNaN(delta)
            ? ", no humidity term"
            : String.format(Locale.ROOT, ", dew point above %.0f °C", delta),
        load ? "compute load" : "no load term",
        n(),
        p);
  }
}
