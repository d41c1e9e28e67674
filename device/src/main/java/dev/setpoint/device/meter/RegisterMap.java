package dev.setpoint.device.meter;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Which registers the meter is read at, per quantity; a quantity not in it is not read. */
public record RegisterMap(Map<Quantity, Register> registers) {
  public RegisterMap {
    EnumMap<Quantity, Register> copy = new EnumMap<>(Quantity.class);
    copy.putAll(registers);
    registers = Collections.unmodifiableMap(copy);
  }

  public static RegisterMap of(Register power, Register energy) {
    return new RegisterMap(Map.of(Quantity.POWER, power, Quantity.ENERGY, energy));
  }

  public Optional<Register> get(Quantity quantity) {
    return Optional.ofNullable(registers.get(quantity));
  }

  /** The map with {@code quantity} read at {@code register}, or not read when it is null. */
  public RegisterMap with(Quantity quantity, Register register) {
    EnumMap<Quantity, Register> copy = new EnumMap<>(Quantity.class);
    copy.putAll(registers);
    if (register == null) {
      copy.remove(quantity);
    } else {
      copy.put(quantity, register);
    }
    return new RegisterMap(copy);
  }

  /** E.g. {@code power=input 0x0034 float32 x0.001, energy=input 0x0048 float32 x1.0}. */
  public String describe() {
    return registers.entrySet().stream()
        .map(e -> e.getKey().key() + "=" + e.getValue().describe())
        .collect(Collectors.joining(", "));
  }
}
