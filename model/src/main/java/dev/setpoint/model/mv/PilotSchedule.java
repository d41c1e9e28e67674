package dev.setpoint.model.mv;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A pilot's randomised schedule: the controller and the room's fixed setpoint alternate over the
 * pilot's days, so savings are measured on comparable days. The days are cut into consecutive
 * blocks of two periods ({@code periodDays} days each: 1 for days, 7 for weeks); within each block
 * a coin (seeded) decides which arm runs first. Every block has one period of each arm, so both
 * arms see every part of the season and every day of the week in equal measure, and neither arm can
 * drift into the warmer half of it; the order within a block is random, so no weekly or daily
 * pattern lines up with an arm. A last incomplete block is drawn the same way and cut short.
 *
 * <p>A <em>switch-over</em> is a day whose arm differs from the day before's; the day before the
 * pilot counts as the fixed setpoint (the room ran its own setpoint before the pilot began).
 */
public final class PilotSchedule {
  /** Who sets the room's setpoint on a day. */
  public enum Arm {
    FIXED('F'),
    CONTROLLER('C');

    private final char code;

    Arm(char code) {
      this.code = code;
    }

    public char code() {
      return code;
    }
  }

  private final Arm[] arms;
  private final int periodDays;
  private final long seed;

  /** A schedule of {@code days} days in blocks of two periods of {@code periodDays}. */
  public PilotSchedule(int days, int periodDays, long seed) {
    if (days < 1 || periodDays < 1) {
      throw new IllegalArgumentException("days and periodDays must be positive");
    }
    this.periodDays = periodDays;
    this.seed = seed;
    this.arms = new Arm[days];
    SplittableRandom random = new SplittableRandom(seed);
    for (int block = 0; block * 2 * periodDays < days; block++) {
      boolean controllerFirst = random.nextBoolean();
      for (int i = 0; i < 2 * periodDays; i++) {
        int day = block * 2 * periodDays + i;
        if (day < days) {
          boolean first = i < periodDays;
          arms[day] = first == controllerFirst ? Arm.CONTROLLER : Arm.FIXED;
        }
      }
    }
  }

  public int days() {
    return arms.length;
  }

  public int periodDays() {
    return periodDays;
  }

  public long seed() {
    return seed;
  }

  /** The arm of day {@code day} (0 = the pilot's first). */
  public Arm arm(int day) {
    return arms[day];
  }

  /** The block of two periods that day {@code day} belongs to. */
  public int block(int day) {
    return day / (2 * periodDays);
  }

  /** Whether day {@code day} starts with a change of arm. */
  public boolean switchOver(int day) {
    Arm before = day == 0 ? Arm.FIXED : arms[day - 1];
    return arms[day] != before;
  }

  /** The days that start with a change of arm. */
  public List<Integer> switchOvers() {
    List<Integer> days = new ArrayList<>();
    for (int d = 0; d < arms.length; d++) {
      if (switchOver(d)) {
        days.add(d);
      }
    }
    return days;
  }

  /** Days of an arm. */
  public int count(Arm arm) {
    int c = 0;
    for (Arm a : arms) {
      if (a == arm) {
        c++;
      }
    }
    return c;
  }

  /** The schedule as letters, one a day: F fixed, C controller (e.g. {@code CFFCCF…}). */
  public String code() {
    StringBuilder s = new StringBuilder(arms.length);
    for (Arm a : arms) {
      s.append(a.code());
    }
    return s.toString();
  }
}
