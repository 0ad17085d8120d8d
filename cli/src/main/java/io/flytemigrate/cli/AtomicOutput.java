package io.flytemigrate.cli;

import io.flytemigrate.ir.spi.OutputFile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes an output directory all at once: files go, as they are made, to a fresh temporary
 * directory beside it, which {@link #commit} then moves into place. On any failure, or on
 * {@link #abort}, the temporary directory is removed and the output directory is as it was, so a
 * reader never sees half an output. The temporary directory is made on the first write, so an
 * output that is never written leaves nothing behind. Writes may come from several threads.
 */
final class AtomicOutput {
  /** Why the output could not be written, in words for a diagnostic. */
  static final class WriteFailure extends Exception {
    WriteFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final Path target;
  private final boolean replace;
  private final Set<String> paths = new HashSet<>();
  private Path tmp;
  private final List<Path> scratch = new java.util.ArrayList<>();
  /**
   * The directories under the staging directory made so far: a batch writes a dozen files per
   * pipeline into a few directories, and asking the file system to make each one again was a
   * tenth of a batch's time (a failed mkdir per file).
   */
  private final Set<Path> made = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private WriteFailure failure;
  private boolean closed;

  /**
   * An output that will become the whole content of {@code out}.
   *
   * @param replace whether an existing, non-empty {@code out} may be replaced
   */
  AtomicOutput(Path out, boolean replace) {
    this.target = out.toAbsolutePath().normalize();
    this.replace = replace;
  }

  /**
   * What would make the first write fail, found without writing: OUT is something other than a
   * directory, or a non-empty directory that may not be replaced. A batch checks this before it
   * converts anything; what only writing can tell (permissions, a file on the way) comes later.
   */
  Optional<WriteFailure> precheck() {
    if (Files.exists(target) && !Files.isDirectory(target)) {
      return Optional.of(new WriteFailure("it exists and is not a directory", null));
    }
    if (!replace && Files.isDirectory(target) && !isEmpty(target)) {
      return Optional.of(new WriteFailure("it exists and is not empty; pass --force to replace it", null));
    }
    return Optional.empty();
  }

  /** Writes {@code files} as the whole content of {@code out}. */
  static void write(Path out, List<OutputFile> files, boolean replace) throws WriteFailure {
    AtomicOutput output = new AtomicOutput(out, replace);
    for (OutputFile f : files) {
      output.add(f);
    }
    output.commit();
  }

  /** The first failure, after which writes are dropped: the output will not be written. */
  synchronized Optional<WriteFailure> failure() {
    return Optional.ofNullable(failure);
  }

  /**
   * A new empty file beside the output for data too large to keep in memory until the end, not
   * part of the output: removed on commit or abort. Empty when it cannot be made.
   */
  synchronized Optional<Path> scratchFile() {
    Path parent = target.getParent();
    if (parent == null || closed) {
      return Optional.empty();
    }
    try {
      Files.createDirectories(parent);
      Path f = Files.createTempFile(parent, "." + target.getFileName() + ".scratch-", "");
      scratch.add(f);
      return Optional.of(f);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** How many files were written. */
  synchronized int count() {
    return paths.size();
  }

  /** Adds a file; a failure is kept for {@link #commit} to throw. */
  void add(OutputFile f) {
    Optional<Path> p = claim(f.path());
    if (p.isEmpty()) {
      return;
    }
    try {
      parentOf(p.get());
      Files.write(p.get(), f.content());
    } catch (IOException e) {
      fail(reason(e), e);
    }
  }

  /** Writes a file through a stream; a failure is kept for {@link #commit} to throw. */
  void add(String path, StreamWriter writer) {
    Optional<Path> p = claim(path);
    if (p.isEmpty()) {
      return;
    }
    try {
      parentOf(p.get());
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(p.get()), 1 << 16)) {
        writer.write(out);
      }
    } catch (IOException e) {
      fail(reason(e), e);
    }
  }

  /** Makes the directory {@code file} goes in, unless this output made it already. */
  private void parentOf(Path file) throws IOException {
    Path dir = file.getParent();
    if (!made.contains(dir)) {
      Files.createDirectories(dir);
      made.add(dir);
    }
  }

  /** Writes a text file as UTF-8, without a copy of it in bytes. */
  void addText(String path, String text) {
    add(path, out -> {
      java.io.Writer w = new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8);
      w.write(text);
      w.flush();
    });
  }

  /** What writes a streamed file. */
  @FunctionalInterface
  interface StreamWriter {
    void write(OutputStream out) throws IOException;
  }

  /** A file written before, read back (for archives of what is already written). */
  byte[] read(String path) throws IOException {
    Path p;
    synchronized (this) {
      if (tmp == null || !paths.contains(path)) {
        throw new java.io.FileNotFoundException(path);
      }
      p = tmp.resolve(path);
    }
    return Files.readAllBytes(p);
  }

  /** Takes back a file written before, so that another may be written in its place. */
  void remove(String path) {
    Path p;
    synchronized (this) {
      if (tmp == null || !paths.remove(path)) {
        return;
      }
      p = tmp.resolve(path);
    }
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      fail(reason(e), e);
    }
  }

  /** Moves what was written into place, replacing what was there; on failure nothing changes. */
  void commit() throws WriteFailure {
    Path dir;
    synchronized (this) {
      closed = true;
      if (failure == null && tmp == null) {
        open();
      }
      if (failure != null) {
        cleanUp();
        throw failure;
      }
      dir = tmp;
    }
    try {
      swap(dir, target);
      synchronized (this) {
        tmp = null;
        cleanUp();
      }
    } catch (IOException e) {
      synchronized (this) {
        failure = new WriteFailure(reason(e), e);
        cleanUp();
        throw failure;
      }
    }
  }

  /** Drops what was written: the output directory stays as it was. */
  synchronized void abort() {
    closed = true;
    cleanUp();
  }

  /** The file's place in the temporary directory, made on first use; empty once anything failed. */
  private synchronized Optional<Path> claim(String path) {
    if (closed) {
      throw new IllegalStateException("the output is already committed or aborted");
    }
    if (failure != null) {
      return Optional.empty();
    }
    if (tmp == null) {
      open();
      if (failure != null) {
        return Optional.empty();
      }
    }
    if (!paths.add(path)) {
      failure = new WriteFailure("two outputs would both be written to " + path, null);
      return Optional.empty();
    }
    Path p = tmp.resolve(path).normalize();
    if (!p.startsWith(tmp) || p.equals(tmp)) {
      failure = new WriteFailure("a file would be written outside it: " + path, null);
      return Optional.empty();
    }
    return Optional.of(p);
  }

  /** Checks the target and makes the temporary directory beside it. */
  private void open() {
    Path parent = target.getParent();
    if (parent == null) {
      failure = new WriteFailure("it has no parent directory", null);
      return;
    }
    Optional<WriteFailure> blocked = precheck();
    if (blocked.isPresent()) {
      failure = blocked.get();
      return;
    }
    try {
      Files.createDirectories(parent);
      tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
    } catch (IOException e) {
      failure = new WriteFailure(reason(e), e);
    }
  }

  private synchronized void fail(String message, IOException e) {
    if (failure == null) {
      failure = new WriteFailure(message, e);
    }
  }

  private void cleanUp() {
    if (tmp != null) {
      deleteQuietly(tmp);
      tmp = null;
    }
    for (Path f : scratch) {
      deleteQuietly(f);
    }
    scratch.clear();
  }

  /** Moves {@code tmp} to {@code target}, replacing what is there, and restores it if that fails. */
  private static void swap(Path tmp, Path target) throws IOException {
    Path old = null;
    if (Files.exists(target)) {
      old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
      Files.delete(old);
      move(target, old);
    }
    try {
      move(tmp, target);
    } catch (IOException e) {
      if (old != null) {
        move(old, target);
      }
      throw e;
    }
    if (old != null) {
      deleteQuietly(old);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static boolean isEmpty(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // Best effort: a leftover temporary directory starts with a dot and is never mistaken for output.
    }
  }

  private static String reason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException || e instanceof DirectoryNotEmptyException) {
      return "something else is in the way";
    }
    String m = e instanceof java.nio.file.FileSystemException fse ? fse.getReason() : e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip().toLowerCase(java.util.Locale.ROOT);
  }
}
