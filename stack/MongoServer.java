/*
 * Local MongoDB-wire server for the Setpoint stack: mongo-java-server with its H2 (MVStore) backend,
 * so documents survive a restart.
 *
 * mongo-java-server is a library without a main class, hence this launcher. It runs as a Java
 * single-file source program, started by ./setpoint:
 *
 *   java -cp "$SETPOINT_HOME/lib/mongo/*" stack/MongoServer.java <host> <port> <h2-file>
 *
 * It prints one line when it listens, and stops cleanly on SIGTERM/SIGINT: the shutdown hook stops
 * accepting connections and closes the backend. Every write command is committed to the MVStore
 * file before it is acknowledged (CommittingH2Backend), so no acknowledged write is lost even when
 * the process is killed with SIGKILL. Start-up problems end the program with one line on stderr
 * and exit status 1, never a stack trace.
 *
 * Disk: MVStore never overwrites a chunk in place; deleted documents leave chunks partly empty, and
 * its own housekeeping rewrites sparse chunks but seldom gives the space back to the file system.
 * After the edge buffer drains (the relay deletes forwarded batches), a background task compacts
 * the file (Compactor): every -Dsetpoint.mongo.compact-interval (ISO-8601 duration, default PT5M)
 * it looks at the store's fill rate, and below -Dsetpoint.mongo.compact-below (percent, default 60)
 * it runs MVStore#compactFile for at most -Dsetpoint.mongo.compact-max-time (default PT2S), which
 * moves live chunks to the front and truncates the file. Bounded so that writers wait at most that
 * long; a large file shrinks over a few rounds.
 *
 * Housekeeping step: MVStore's background writer rewrites the live pages of sparse chunks under
 * the store lock, up to a quarter of its auto-commit buffer per step (moving chunks: twice the
 * buffer), and every commit waits meanwhile. Its default buffer (19 MB on a heap of a gigabyte or
 * more) made steps of ~5 MB that held the edge buffer's writes up to 350 ms every few seconds;
 * -Dsetpoint.mongo.write-buffer (KB, default 1024) makes the steps smaller and more frequent, the
 * same work in all (writes waiting on the store's lock over 100 ms: 0-2 a minute instead of up to
 * 17; docs/benchmarks.md). Every write is committed before its reply anyway, so the buffer holds
 * nothing unsaved.
 */

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.net.BindException;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

public class MongoServer {

    public static void main(String[] args) {
        if (args.length != 3) {
            fail("usage: java -cp 'lib/mongo/*' MongoServer.java <host> <port> <h2-file>");
        }
        String host = args[0];
        int port = parsePort(args[1]);
        Path file = Path.of(args[2]).toAbsolutePath();

        H2Backend backend;
        try {
            Files.createDirectories(file.getParent());
            backend = new CommittingH2Backend(openStore(file));
        } catch (Exception e) {
            // The usual cause is a second server on the same file: MVStore locks it.
            fail("cannot open the H2 file " + file + ": " + rootMessage(e));
            return;
        }

        var server = new de.bwaldvogel.mongo.MongoServer(backend);
        try {
            server.bind(host, port);
        } catch (Exception e) {
            backend.close();
            if (hasCause(e, BindException.class)) {
                fail("cannot listen on " + host + ":" + port + ": " + rootMessage(e));
            }
            fail("cannot start the server: " + rootMessage(e));
        }

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("mongo-java-server stopping");
            try {
                // Stops listening, ends the client channels, then closes the backend (MVStore).
                server.shutdown();
                System.out.println("mongo-java-server stopped, data written to " + file);
            } catch (RuntimeException e) {
                System.err.println("mongo-java-server: error while stopping: " + rootMessage(e));
            }
            System.out.flush();
        }, "mongo-shutdown"));

        Compactor.start(backend, file);

        // ./setpoint waits for the port; this line is for people reading the log.
        System.out.println("mongo-java-server listening on mongodb://" + host + ":" + port
                + " (H2 file " + file + ", write buffer "
                + backend.getMvStore().getAutoCommitMemory() / 1024 + " KB)");
        System.out.flush();
        // Netty's event loop threads are non-daemon, so the JVM stays up until a signal arrives.
    }

    private static MVStore openStore(Path file) {
        String text = System.getProperty("setpoint.mongo.write-buffer", "1024");
        int writeBufferKb;
        try {
            writeBufferKb = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            writeBufferKb = 0;
        }
        if (writeBufferKb < 1) {
            fail("-Dsetpoint.mongo.write-buffer must be a positive number of KB, was " + text);
        }
        return new MVStore.Builder().fileName(file.toString()).autoCommitBufferSize(writeBufferKb).open();
    }

    /**
     * MVStore commits on its own only about once a second, so a write the client saw acknowledged
     * could vanish if this process were killed (kill -9, OOM) before that. Here every write command
     * is committed before its reply is sent, so an acknowledged write survives the process; the
     * edge buffer relies on that ("stored before 201"). Group commit keeps it cheap: a writer that
     * finds a commit already covering its write does not commit again, so concurrent writers share
     * one MVStore chunk.
     */
    static final class CommittingH2Backend extends H2Backend {
        private static final Set<String> WRITES = Set.of("insert", "update", "delete",
                "findandmodify", "createindexes", "dropindexes", "create", "drop", "dropdatabase",
                "renamecollection");

        private final AtomicLong written = new AtomicLong();
        private final Object commitLock = new Object();
        private long committed; // guarded by commitLock

        CommittingH2Backend(MVStore store) {
            super(store);
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command,
                Document query) {
            Document result = super.handleCommand(channel, database, command, query);
            if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
                long mine = written.incrementAndGet();
                synchronized (commitLock) {
                    if (committed < mine) {
                        long covered = written.get();
                        commit();
                        committed = covered;
                    }
                }
            }
            return result;
        }
    }

    /** Gives the space of deleted documents back to the file system (see the class comment). */
    static final class Compactor {
        static void start(H2Backend backend, Path file) {
            Duration interval = Duration.parse(
                    System.getProperty("setpoint.mongo.compact-interval", "PT5M"));
            int below = Integer.parseInt(System.getProperty("setpoint.mongo.compact-below", "60"));
            int maxMillis = (int) Duration.parse(
                    System.getProperty("setpoint.mongo.compact-max-time", "PT2S")).toMillis();
            Thread thread = new Thread(() -> {
                while (true) {
                    try {
                        Thread.sleep(interval.toMillis());
                        var store = backend.getMvStore();
                        if (store.isClosed()) {
                            return;
                        }
                        int fill = store.getFillRate();
                        if (fill >= below) {
                            continue;
                        }
                        long before = Files.size(file);
                        long t0 = System.nanoTime();
                        store.compactFile(maxMillis);
                        System.out.printf(Locale.ROOT,
                                "mongo-java-server: compacted %s (fill rate %d%%): %,d -> %,d bytes in %d ms%n",
                                file.getFileName(), fill, before, Files.size(file),
                                (System.nanoTime() - t0) / 1_000_000);
                        System.out.flush();
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        // Closed while compacting (shutdown), or a file-system error: try next round.
                        System.err.println("mongo-java-server: compaction failed: " + rootMessage(e));
                    }
                }
            }, "mongo-compactor");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        fail("not a TCP port: " + text);
        return -1;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }

    private static void fail(String message) {
        System.err.println("mongo-java-server: " + message);
        System.exit(1);
    }
}
