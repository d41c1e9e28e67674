package dev.setpoint.device.edge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The enrolment code an operator made for this agent's devices: given as such ({@code
 * enrolment.code}) or in a file ({@code enrolment.code-file}). It is read only when a device has no
 * token yet, and the file is deleted once every device has one: a used code is worthless, and
 * nothing that looks like a credential stays behind but the devices' own tokens.
 */
public final class EnrolmentCode {
  private static final Logger LOG = Logger.getLogger(EnrolmentCode.class.getName());

  private final Optional<String> given;
  private final Optional<Path> file;

  public EnrolmentCode(Optional<String> given, Optional<Path> file) {
    this.given = given;
    this.file = file;
  }

  /**
   * The code, trimmed.
   *
   * @throws IOException none is configured, or the file cannot be read or is empty
   */
  public String read() throws IOException {
    if (given.isPresent()) {
      return given.get().trim();
    }
    if (file.isEmpty()) {
      throw new IOException(
          "set enrolment.code-file (or enrolment.code) to the enrolment code an operator made for"
              + " them (./setpoint device enrol, or POST /api/enrolment/codes; see --help)");
    }
    String code;
    try {
      code = Files.readString(file.get(), StandardCharsets.UTF_8).trim();
    } catch (NoSuchFileException e) {
      throw new IOException(
          "the enrolment code file "
              + file.get()
              + " does not exist (it is deleted after a successful enrolment); ask an operator for"
              + " a new code",
          e);
    }
    if (code.isEmpty()) {
      throw new IOException("the enrolment code file " + file.get() + " is empty");
    }
    return code;
  }

  /** After every device has its token: deletes the code's file, if the code came from it. */
  public void used() {
    if (given.isPresent() || file.isEmpty()) {
      return;
    }
    try {
      if (Files.deleteIfExists(file.get())) {
        LOG.info(() -> "enrolled; deleted the used enrolment code file " + file.get());
      }
    } catch (IOException e) {
      LOG.warning(
          () ->
              "enrolled, but could not delete the used enrolment code file "
                  + file.get()
                  + " ("
                  + e
                  + "); delete it by hand (it enrols nothing any more)");
    }
  }
}
