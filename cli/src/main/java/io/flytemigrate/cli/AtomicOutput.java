package io.flytemigrate.cli;

import io.flytemigrate.ir.spi.OutputFile;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a set of files into an output directory all at once: everything goes to a fresh temporary
 * directory beside it, which is then moved into place. On any failure the temporary directory is
 * removed and the output directory is as it was, so a reader never sees half an output.
 */
final class AtomicOutput {
  private AtomicOutput() {}

  /** Why the output could not be written, in words for a diagnostic. */
  static final class WriteFailure extends Exception {
    WriteFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Writes {@code files} as the whole content of {@code out}.
   *
   * @param replace whether an existing, non-empty {@code out} may be replaced
   */
  static void write(Path out, List<OutputFile> files, boolean replace) throws WriteFailure {
    Path target = out.toAbsolutePath().normalize();
    Path parent = target.getParent();
    if (parent == null) {
      throw new WriteFailure("it has no parent directory", null);
    }
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new WriteFailure("it exists and is not a directory", null);
    }
    if (!replace && Files.isDirectory(target) && !isEmpty(target)) {
      throw new WriteFailure("it exists and is not empty; pass --force to replace it", null);
    }
    java.util.Set<String> paths = new java.util.HashSet<>();
    for (OutputFile f : files) {
      if (!paths.add(f.path())) {
        throw new WriteFailure("two outputs would both be written to " + f.path(), null);
      }
    }
    Path tmp = null;
    try {
      Files.createDirectories(parent);
      tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
      for (OutputFile f : files) {
        Path p = tmp.resolve(f.path()).normalize();
        if (!p.startsWith(tmp)) {
          throw new WriteFailure("a file would be written outside it: " + f.path(), null);
        }
        Files.createDirectories(p.getParent());
        Files.write(p, f.content());
      }
      swap(tmp, target);
      tmp = null;
    } catch (IOException e) {
      throw new WriteFailure(reason(e), e);
    } finally {
      if (tmp != null) {
        deleteQuietly(tmp);
      }
    }
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
