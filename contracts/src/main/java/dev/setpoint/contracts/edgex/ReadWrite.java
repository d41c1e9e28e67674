package dev.setpoint.contracts.edgex;

/** Access of a device resource or command: read, write, or both ({@code WR} is EdgeX's alias). */
public enum ReadWrite {
  /** Read only: events may carry it, commands may not set it. */
  R,
  /** Write only: commands may set it, events may not carry it. */
  W,
  /** Read and write. */
  RW,
  /** Read and write, as EdgeX also spells it. */
  WR;

  /** Whether a value of this resource may be read (reported in events, returned by GET). */
  public boolean readable() {
    return this != W;
  }

  /** Whether a value of this resource may be set by a command. */
  public boolean writable() {
    return this != R;
  }
}
