package io.salesops.comp.file;

import io.salesops.comp.engine.CompState;
import io.salesops.comp.engine.PayeeState;
import io.salesops.core.period.Period;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A commission ledger kept as a journal in a directory: one file per committed period
 * ({@code ledger-000002-2026-02.json}, a {@link LedgerEntry}), each holding every payee's state after that
 * period with a checksum. A period is committed by writing a hidden temporary file, forcing it to disk, and
 * then linking it under its final name in one step, so a crash leaves either the old journal or the new entry
 * complete, never some payees at one period and some at the next. The newest entry is the state.
 *
 * <p>Reading refuses a damaged newest entry (torn or edited: its checksum does not match), a period that is
 * already committed (it would pay twice) and a period that skips days not named as gaps, each with a message
 * saying how to resume. Opening takes an exclusive lock on the directory ({@code .ledger.lock}) until
 * {@link #close()}, so two runs cannot commit on the same state.
 *
 * <pre>{@code
 * try (Ledger ledger = Ledger.open(Path.of("state"))) {
 *     CompState prior = ledger.stateBefore(period, List.of());
 *     CalculationResult r = CommissionEngine.calculate(versions, context, credits, period, prior);
 *     // ... hand out the statements, then:
 *     ledger.commit(period, r.state(), List.of());
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one instance per run.
 */
public final class Ledger implements AutoCloseable {

    /** Reads a journal file at most this large (a million payees with a year of deal history fit). */
    static final long MAX_FILE = 1L << 30;
    private static final Pattern ENTRY = Pattern.compile("ledger-(\\d{6,9})-([0-9A-Za-z-]+)\\.json");
    private static final Pattern TEMP = Pattern.compile("\\.(ledger-\\d{6,9}-[0-9A-Za-z-]+\\.json)\\.tmp");
    private static final String LEGACY_PREFIX = "state-";
    private static final int CHUNK = 1 << 16;

    /** Where a fault may strike during a commit; the tests' seam, a no-op in use. */
    interface FaultPoints {
        /** Called before each step of a commit that touches the disk. @throws IOException to simulate a crash */
        void before(String step) throws IOException;
    }

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final FaultPoints faults;
    private final List<String> notes = new ArrayList<>();
    private boolean headRead;
    private int headSeq;
    private LedgerEntry head;

    private Ledger(Path dir, FileChannel lockChannel, FileLock lock, FaultPoints faults) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.faults = faults;
    }

    /**
     * Opens (creating if needed) the ledger in {@code dir} and locks it until {@link #close()}.
     *
     * @param dir the state directory, not null
     * @return the ledger
     * @throws LedgerException if another run holds the lock
     * @throws IOException     if the directory cannot be created or locked
     */
    public static Ledger open(Path dir) throws IOException {
        return open(dir, step -> { });
    }

    static Ledger open(Path dir, FaultPoints faults) throws IOException {
        Objects.requireNonNull(dir, "dir");
        Files.createDirectories(dir);
        FileChannel ch = FileChannel.open(dir.resolve(".ledger.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            ch.close();
            throw new LedgerException("another salesops run is using the state in " + dir + " (it holds "
                    + dir.resolve(".ledger.lock") + "); wait for it to finish, then run again");
        }
        Ledger l = new Ledger(dir, ch, lock, faults);
        l.discardInterruptedCommits();
        return l;
    }

    /** @return the state directory */
    public Path dir() {
        return dir;
    }

    /** @return what opening or reading found worth telling (an interrupted commit discarded, old files read) */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /**
     * The newest committed entry, checked against its checksum.
     *
     * @return the entry, or empty if nothing is committed yet
     * @throws LedgerException if the newest entry is damaged or two entries claim the same place
     * @throws IOException     if a file cannot be read
     */
    public Optional<LedgerEntry> head() throws IOException {
        if (!headRead) {
            readHead();
            headRead = true;
        }
        return Optional.ofNullable(head);
    }

    /**
     * The state to calculate {@code next} on: the newest entry's, if {@code next} follows it (see
     * {@link LedgerEntry#stateBefore}); the empty state if nothing is committed.
     *
     * @param next        the period about to be calculated, not null
     * @param gapsAllowed periods skipped on purpose between the newest entry and {@code next}, not null
     * @return the prior state
     * @throws LedgerException if the journal is damaged, {@code next} is committed already or skips days
     * @throws IOException     if a file cannot be read
     */
    public CompState stateBefore(Period next, Collection<Period> gapsAllowed) throws IOException {
        Optional<LedgerEntry> h = head();
        if (h.isEmpty()) {
            CompState legacy = legacyState(next, gapsAllowed);
            if (legacy != null) {
                return legacy;
            }
            PeriodChain.checkFirst(next, gapsAllowed);
            return CompState.empty();
        }
        try {
            return h.get().stateBefore(next, gapsAllowed);
        } catch (LedgerException e) {
            String file = entryName(headSeq, h.get().period());
            String how = e.repeatsCommittedPeriod()
                    ? ". To recalculate " + h.get().period() + ", move " + file + " out of " + dir + " (the state then ends"
                            + " with " + h.get().previousPeriod().orElse("nothing: the first period") + ")"
                    : "";
            throw new LedgerException("state in " + dir + ": " + e.getMessage() + how, e);
        }
    }

    /**
     * Commits {@code state} as the result of {@code period}, atomically: afterwards the newest entry is either
     * the previous one (if this fails or the process dies) or the new one, complete.
     *
     * @param period      the period calculated, not null; must follow the newest entry (see {@link #stateBefore})
     * @param state       the state after it, not null
     * @param gapsAllowed the gaps passed to {@link #stateBefore}, recorded in the entry, not null
     * @return the committed entry
     * @throws LedgerException if the period does not follow the newest entry
     * @throws IOException     if writing fails; nothing is committed then
     */
    public LedgerEntry commit(Period period, CompState state, Collection<Period> gapsAllowed) throws IOException {
        Optional<LedgerEntry> h = head();
        if (h.isPresent()) {
            h.get().stateBefore(period, gapsAllowed);
        } else if (legacyFiles().isEmpty()) {
            PeriodChain.checkFirst(period, gapsAllowed);
        }
        LedgerEntry entry = LedgerEntry.of(period, state, h.orElse(null), gapsAllowed);
        int seq = headSeq + 1;
        String name = entryName(seq, entry.period());
        if (!ENTRY.matcher(name).matches()) {
            throw new IllegalArgumentException("period label " + period + " cannot name a ledger file");
        }
        Path target = dir.resolve(name);
        Path temp = dir.resolve("." + name + ".tmp");
        byte[] bytes = entry.toBytes();
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            for (int off = 0; off < bytes.length; off += CHUNK) {
                faults.before("write " + off);
                ByteBuffer b = ByteBuffer.wrap(bytes, off, Math.min(CHUNK, bytes.length - off));
                while (b.hasRemaining()) {
                    ch.write(b);
                }
            }
            faults.before("force");
            ch.force(true);
        }
        faults.before("publish");
        publish(temp, target);
        faults.before("sync directory");
        syncDirectory();
        faults.before("remove temporary file");
        Files.deleteIfExists(temp);
        head = entry;
        headSeq = seq;
        return entry;
    }

    /** Releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }

    // ---- files ---------------------------------------------------------------------------------------------

    private static String entryName(int seq, String period) {
        return String.format("ledger-%06d-%s.json", seq, period);
    }

    /** A link cannot replace an existing file, so a committed entry is never overwritten; rename where links fail. */
    private void publish(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (Files.exists(target)) {
                throw new LedgerException(target + " exists already; another run committed " + target.getFileName()
                        + " meanwhile", e);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private void syncDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | RuntimeException e) {
            // Some platforms cannot open a directory; the entry is then as durable as the file system makes renames.
        }
    }

    private void discardInterruptedCommits() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".ledger-*.tmp")) {
            for (Path f : files) {
                Matcher m = TEMP.matcher(f.getFileName().toString());
                if (m.matches() && !Files.exists(dir.resolve(m.group(1)))) {
                    notes.add("an interrupted commit (" + f.getFileName() + ") was found and discarded: "
                            + m.group(1) + " was never committed, so its period was not paid");
                }
                Files.deleteIfExists(f);
            }
        }
    }

    private void readHead() throws IOException {
        TreeMap<Integer, Path> entries = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "ledger-*.json")) {
            for (Path f : files) {
                Matcher m = ENTRY.matcher(f.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                Path other = entries.put(Integer.parseInt(m.group(1)), f);
                if (other != null) {
                    throw new LedgerException("state in " + dir + " has two entries numbered " + m.group(1) + " ("
                            + other.getFileName() + " and " + f.getFileName() + "); move the one that is not the"
                            + " last period you committed out of " + dir);
                }
            }
        }
        if (entries.isEmpty()) {
            return;
        }
        var last = entries.lastEntry();
        Path f = last.getValue();
        String period = ENTRY.matcher(f.getFileName().toString()).replaceAll("$2");
        var before = entries.lowerEntry(last.getKey());
        String resume = " To resume, move " + f.getFileName() + " out of " + dir + " and calculate " + period
                + " again" + (before == null ? " (on an empty state: it was the first period)."
                        : " (the state then ends with " + ENTRY.matcher(before.getValue().getFileName().toString())
                                .replaceAll("$2") + ", " + before.getValue().getFileName() + ").");
        if (Files.size(f) > MAX_FILE) {
            throw new LedgerException(f + " is larger than " + MAX_FILE + " bytes, the limit." + resume);
        }
        LedgerEntry e;
        try {
            e = LedgerEntry.parse(Files.readAllBytes(f), f.toString());
        } catch (LedgerException x) {
            throw new LedgerException(x.getMessage() + "." + resume, x);
        }
        if (!e.period().equals(period)) {
            throw new LedgerException(f + " holds period " + e.period() + ", not the " + period + " its name says"
                    + " (renamed by hand?)." + resume);
        }
        head = e;
        headSeq = last.getKey();
    }

    // ---- per-payee files of earlier versions -------------------------------------------------------------

    private List<Path> legacyFiles() throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, LEGACY_PREFIX + "*.json")) {
            files.forEach(out::add);
        }
        return out;
    }

    /**
     * The state of per-payee {@code state-*.json} files written before the journal existed, checked as well as
     * they allow (replay per payee, gaps against the latest period); null if there are none.
     */
    private CompState legacyState(Period next, Collection<Period> gapsAllowed) throws IOException {
        List<Path> files = legacyFiles();
        if (files.isEmpty()) {
            return null;
        }
        List<PayeeState> states = new ArrayList<>();
        Period latest = null;
        for (Path f : files) {
            PayeeState s;
            try {
                if (Files.size(f) > MAX_FILE) {
                    throw new IllegalArgumentException("larger than " + MAX_FILE + " bytes");
                }
                s = StateCodec.payee(new com.fasterxml.jackson.databind.ObjectMapper().readTree(f.toFile()));
                Period last = s.lastPeriod() == null ? null : next.calendar().parse(s.lastPeriod());
                if (last != null && (latest == null || last.end().isAfter(latest.end()))) {
                    latest = last;
                }
            } catch (IOException | RuntimeException e) {
                throw new LedgerException(f + " is not a salesops state file: " + e.getMessage(), e);
            }
            states.add(s);
        }
        if (latest != null) {
            PeriodChain.check(latest.toString(), latest.end(), next, gapsAllowed);
        } else {
            PeriodChain.checkFirst(next, gapsAllowed);
        }
        notes.add("read " + files.size() + " per-payee state files (state-*.json) of an earlier salesops; the state"
                + " is now committed as a ledger journal (ledger-*.json), and the old files are no longer read");
        return CompState.of(states);
    }
}
