package dev.setpoint.model.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Plain Java2D charts (headless) for the evaluation report. */
final class Charts {
  static final int WIDTH = 960;
  static final int HEIGHT = 420;
  private static final int LEFT = 70;
  private static final int RIGHT = 230;
  private static final int TOP = 40;
  private static final int BOTTOM = 50;
  static final Color[] PALETTE = {
    new Color(0xD62728),
    new Color(0x1F77B4),
    new Color(0x2CA02C),
    new Color(0xFF7F0E),
    new Color(0x9467BD),
    new Color(0x7F7F7F)
  };

  private Charts() {}

  /** A series of a line chart: values at equal x steps. */
  record Series(String name, float[] values, Color color, boolean dashed) {}

  /** A horizontal reference line. */
  record Rule(String name, double y, Color color) {}

  static void lines(
      Path file,
      String title,
      String xLabel,
      double xMax,
      String[] xTicks,
      String yLabel,
      List<Series> series,
      List<Rule> rules)
      throws IOException {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (float v : s.values()) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    for (Rule r : rules) {
      min = Math.min(min, r.y());
      max = Math.max(max, r.y());
    }
    double pad = Math.max(0.5, (max - min) * 0.05);
    min = Math.floor(min - pad);
    max = Math.ceil(max + pad);
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = start(image, title);
    int w = WIDTH - LEFT - RIGHT;
    int h = HEIGHT - TOP - BOTTOM;
    axes(g, min, max, yLabel, xLabel, xTicks);
    for (Rule r : rules) {
      int y = TOP + (int) Math.round(h * (max - r.y()) / (max - min));
      g.setColor(r.color());
      g.setStroke(
          new BasicStroke(
              1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6, 4}, 0));
      g.drawLine(LEFT, y, LEFT + w, y);
    }
    for (Series s : series) {
      g.setColor(s.color());
      g.setStroke(
          s.dashed()
              ? new BasicStroke(
                  1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {5, 3}, 0)
              : new BasicStroke(1.6f));
      float[] v = s.values();
      int px = -1;
      int py = -1;
      for (int i = 0; i < v.length; i++) {
        int x = LEFT + (int) Math.round(w * (i / xMax));
        int y = TOP + (int) Math.round(h * (max - v[i]) / (max - min));
        if (px >= 0) {
          g.drawLine(px, py, x, y);
        }
        px = x;
        py = y;
      }
    }
    legend(g, series.stream().map(s -> new Object[] {s.name(), s.color()}).toList(), rules);
    finish(g, image, file);
  }

  static void bars(
      Path file, String title, String unit, List<String> names, double[] values, String[] labels)
      throws IOException {
    BufferedImage image =
        new BufferedImage(WIDTH, 60 + 50 * names.size(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = start(image, title);
    double max = 0;
    for (double v : values) {
      max = Math.max(max, v);
    }
    int labelWidth = 300;
    int barMax = WIDTH - labelWidth - 220;
    for (int i = 0; i < names.size(); i++) {
      int y = 50 + 50 * i;
      g.setColor(Color.DARK_GRAY);
      g.drawString(names.get(i), 12, y + 20);
      g.setColor(PALETTE[i % PALETTE.length]);
      int len = (int) Math.round(barMax * values[i] / max);
      g.fillRect(labelWidth, y + 4, len, 26);
      g.setColor(Color.DARK_GRAY);
      g.drawString(
          String.format(Locale.ROOT, "%,.0f %s  %s", values[i], unit, labels[i]),
          labelWidth + len + 8,
          y + 22);
    }
    finish(g, image, file);
  }

  private static Graphics2D start(BufferedImage image, String title) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    g.drawString(title, 12, 24);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    return g;
  }

  private static void axes(
      Graphics2D g, double min, double max, String yLabel, String xLabel, String[] xTicks) {
    int w = WIDTH - LEFT - RIGHT;
    int h = HEIGHT - TOP - BOTTOM;
    g.setColor(new Color(0xEEEEEE));
    double stepY = niceStep((max - min) / 6);
    for (double y = Math.ceil(min / stepY) * stepY; y <= max + 1e-9; y += stepY) {
      int py = TOP + (int) Math.round(h * (max - y) / (max - min));
      g.setColor(new Color(0xE6E6E6));
      g.drawLine(LEFT, py, LEFT + w, py);
      g.setColor(Color.DARK_GRAY);
      g.drawString(String.format(Locale.ROOT, "%.0f", y), LEFT - 34, py + 4);
    }
    for (int i = 0; i < xTicks.length; i++) {
      int px = LEFT + (int) Math.round(w * (i / (double) Math.max(1, xTicks.length - 1)));
      g.setColor(new Color(0xE6E6E6));
      g.drawLine(px, TOP, px, TOP + h);
      g.setColor(Color.DARK_GRAY);
      g.drawString(xTicks[i], px - 10, TOP + h + 16);
    }
    g.setColor(Color.GRAY);
    g.drawRect(LEFT, TOP, w, h);
    g.setColor(Color.DARK_GRAY);
    g.drawString(xLabel, LEFT + w / 2 - 40, HEIGHT - 12);
    g.drawString(yLabel, 8, TOP - 6);
  }

  private static void legend(Graphics2D g, List<Object[]> entries, List<Rule> rules) {
    int x = WIDTH - RIGHT + 12;
    int y = TOP + 10;
    for (Object[] e : entries) {
      g.setColor((Color) e[1]);
      g.fillRect(x, y - 8, 16, 4);
      g.setColor(Color.DARK_GRAY);
      g.drawString((String) e[0], x + 22, y - 2);
      y += 20;
    }
    for (Rule r : rules) {
      g.setColor(r.color());
      g.drawLine(x, y - 6, x + 16, y - 6);
      g.setColor(Color.DARK_GRAY);
      g.drawString(r.name(), x + 22, y - 2);
      y += 20;
    }
  }

  private static double niceStep(double raw) {
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= raw) {
        return m * p;
      }
    }
    return 10 * p;
  }

  private static void finish(Graphics2D g, BufferedImage image, Path file) throws IOException {
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
  }
}
