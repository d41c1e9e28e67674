package dev.setpoint.device.buffer;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The device's durable, bounded buffer of undelivered events: an append-only file of lines, each
 * {@code A seq device path body} (added) or {@code D seq} (done: delivered, or dropped), every line
 * forced to the storage device before the call returns. Opening replays the file, so the events
 * still pending after a crash or power cut are the added ones without a done line, in their order;
 * a torn last line (power cut in the middle of a write) is cut off.
 *
 * <p>Bound: at most {@code maxEvents} pending. Adding to a full journal drops the oldest pending
 * event (logged and counted): on a long outage the newest samples are worth more to the room's
 * control than the oldest. The file is rewritten with only the pending events when it is more than
 * half done lines, so it stays about the size of what is pending. Not thread-safe: one device's
 * loop owns it.
 */
public final class EventJournal implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(EventJournal.class.getName());
  private static final int COMPACT_MIN_LINES = 1024;

  private final Path file;
  private final int maxEvents;
  private final Deque<PendingEvent> pending = new ArrayDeque<>();
  // A stream, not a FileChannel: an interrupt (the agent stopping) must not close the journal
  // in the middle of a write, as it would an interruptible channel.
  private FileOutputStream out;
  private long nextSeq = 1;
  private long lines;
  private long dropped;

  /**
   * Opens (or creates) the journal and replays it.
   *
   * @param file the journal file; its directory must exist
   * @param maxEvents the bound, at least 1
   */
  public EventJournal(Path file, int maxEvents) throws IOException {
    if (maxEvents < 1) {
      throw new IllegalArgumentException("maxEvents must be at least 1, was " + maxEvents);
    }
    this.file = file;
    this.maxEvents = maxEvents;
    replay();
    while (pending.size() > maxEvents) {
      pending.removeFirst();
      dropped++;
    }
    rewrite(); // drops the done lines and any torn tail at once
  }

  private void replay() throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int start = 0;
    java.util.Map<Long, PendingEvent> open = new java.util.LinkedHashMap<>();
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        LOG.warning(() -> file + ": cut off a torn last line (" + (text.length()) + " bytes)");
        break;
      }
      String line = text.substring(start, end);
      start = end + 1;
      String[] parts = line.split(" ", 5);
      try {
        long seq = Long.parseLong(parts[1]);
        nextSeq = Math.max(nextSeq, seq + 1);
        if (parts[0].equals("A") && parts.length == 5) {
          open.put(seq, new PendingEvent(seq, parts[2], parts[3], parts[4]));
        } else if (parts[0].equals("D") && parts.length == 2) {
          open.remove(seq);
        } else {
          throw new IllegalArgumentException("unknown record");
        }
      } catch (RuntimeException e) {
        throw new IOException(file + ": corrupt line '" + abbreviate(line) + "'", e);
      }
    }
    pending.addAll(open.values());
  }

  /**
   * Adds an event at the end, durably, dropping the oldest pending one when full.
   *
   * @return the event as journalled, with its sequence number
   */
  public PendingEvent append(String device, String path, String body) {
    if (pending.size() >= maxEvents) {
      PendingEvent oldest = pending.peekFirst();
      markDone(oldest);
      dropped++;
      LOG.warning(
          () ->
              file
                  + ": full ("
                  + maxEvents
                  + " events); dropped the oldest, seq "
                  + oldest.seq()
                  + " ("
                  + dropped
                  + " dropped so far)");
    }
    PendingEvent event = new PendingEvent(nextSeq++, device, path, body);
    write("A " + event.seq() + " " + device + " " + path + " " + body + "\n");
    pending.addLast(event);
    return event;
  }

  /** The oldest pending event. */
  public Optional<PendingEvent> head() {
    return Optional.ofNullable(pending.peekFirst());
  }

  /** Marks the oldest pending event done (delivered or given up on), durably. */
  public void removeHead() {
    PendingEvent head = pending.peekFirst();
    if (head != null) {
      markDone(head);
    }
  }

  private void markDone(PendingEvent event) {
    if (pending.peekFirst() != event) {
      throw new IllegalStateException("only the head can be done");
    }
    write("D " + event.seq() + "\n");
    pending.removeFirst();
    if (pending.isEmpty() || (lines > COMPACT_MIN_LINES && lines > 2L * pending.size() + 2)) {
      try {
        rewrite();
      } catch (IOException e) {
        throw new UncheckedIOException(file + ": compaction failed", e);
      }
    }
  }

  public int size() {
    return pending.size();
  }

  public boolean isEmpty() {
    return pending.isEmpty();
  }

  /** Events dropped because the journal was full, since it was opened. */
  public long dropped() {
    return dropped;
  }

  public int maxEvents() {
    return maxEvents;
  }

  private void write(String line) {
    try {
      out.write(line.getBytes(StandardCharsets.UTF_8));
      out.getFD().sync();
      lines++;
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": write failed", e);
    }
  }

  /** Writes the pending events to a new file and moves it over the journal atomically. */
  private void rewrite() throws IOException {
    if (out != null) {
      out.close();
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel out =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      StringBuilder text = new StringBuilder();
      for (PendingEvent e : pending) {
        text.append("A ")
            .append(e.seq())
            .append(' ')
            .append(e.device())
            .append(' ')
            .append(e.path())
            .append(' ')
            .append(e.body())
            .append('\n');
      }
      ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        out.write(bytes);
      }
      out.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    forceDirectory(file.toAbsolutePath().getParent());
    lines = pending.size();
    out = new FileOutputStream(file.toFile(), true);
  }

  private static void forceDirectory(Path dir) {
    // Makes the rename itself durable; not every file system lets a directory be opened.
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      LOG.fine(() -> "cannot force directory " + dir + ": " + e);
    }
  }

  private static String abbreviate(String line) {
    return line.length() <= 80 ? line : line.substring(0, 80) + "…";
  }

  @Override
  public void close() throws IOException {
    if (out != null) {
      out.close();
    }
  }
}
