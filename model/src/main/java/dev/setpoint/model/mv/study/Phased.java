package dev.setpoint.model.mv.study;

import dev.setpoint.model.eval.Strategy;
import dev.setpoint.model.features.SampleWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntPredicate;

/**
 * The room's fixed setpoint or the controller, chosen per day of the run (day 0 starts at {@code
 * start}): the controlled run (the controller from the reporting period on) and the pilot (the
 * controller on its schedule's days). The controller is one instance for the whole run, asked only
 * on its own days, as analytics would keep one per room through a pilot.
 */
final class Phased implements Strategy {
  private final Strategy fixed;
  private final Strategy controller;
  private final Instant start;
  private final IntPredicate controllerOn;

  Phased(Strategy fixed, Strategy controller, Instant start, IntPredicate controllerOn) {
    this.fixed = fixed;
    this.controller = controller;
    this.start = start;
    this.controllerOn = controllerOn;
  }

  @Override
  public String name() {
    return "phased: " + fixed.name() + " / " + controller.name();
  }

  @Override
  public double initialC() {
    return controllerOn.test(0) ? controller.initialC() : fixed.initialC();
  }

  @Override
  public double decide(SampleWindow window, Instant now, double currentC) {
    int day = (int) Duration.between(start, now).toDays();
    return (controllerOn.test(day) ? controller : fixed).decide(window, now, currentC);
  }
}
