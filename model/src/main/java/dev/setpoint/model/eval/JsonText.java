package dev.setpoint.model.eval;

/** The reports' JSON summaries are written by hand; this is their string literal. */
public final class JsonText {
  private JsonText() {}

  /**
   * {@code s} as a JSON string: quoted, with quotes, backslashes and control characters escaped.
   */
  public static String quoted(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> {
          if (ch < 0x20) {
            b.append(String.format("\\u%04x", (int) ch));
          } else {
            b.append(ch);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
