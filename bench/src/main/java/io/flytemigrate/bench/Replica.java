package io.flytemigrate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A batch made from a corpus folder: every file copied {@code copies} times into one flat
 * directory under new names ({@code c0001-sub__file.yaml}), so a batch of thousands of files can
 * be made from a corpus of a hundred without two inputs sharing a name.
 *
 * @param files how many files the directory holds
 * @param bytes their total size
 */
public record Replica(Path dir, int files, long bytes) {
  /**
   * Copies every pipeline file below {@code source} {@code copies} times into {@code target}: the
   * files {@code convert DIR} takes as inputs by their name; the others (a folder's {@code
   * SOURCES.md}) it skips, so the batch leaves them out too.
   */
  public static Replica make(Path source, int copies, Path target) throws IOException {
    Files.createDirectories(target);
    List<Path> originals = inputsBelow(source);
    int files = 0;
    long bytes = 0;
    for (int c = 1; c <= copies; c++) {
      for (Path original : originals) {
        String flat = source.relativize(original).toString().replace("/", "__").replace("\\", "__");
        Path copy = target.resolve(String.format(Locale.ROOT, "c%04d-%s", c, flat));
        Files.copy(original, copy);
        files++;
        bytes += Files.size(copy);
      }
    }
    return new Replica(target, files, bytes);
  }

  /** Every pipeline file below {@code dir} (by its extension, as {@code convert DIR} tells), sorted. */
  public static List<Path> inputsBelow(Path dir) throws IOException {
    return filesBelow(dir).stream()
        .filter(p -> io.flytemigrate.cli.InputFiles.hasPipelineExtension(p.getFileName().toString()))
        .toList();
  }

  /** Every regular file below {@code dir}, sorted, hidden files excluded. */
  public static List<Path> filesBelow(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    }
  }

  /** Deletes the replica directory and everything in it. */
  public void delete() {
    deleteTree(dir);
  }

  /** Deletes a directory tree, ignoring what is already gone. */
  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
          Files.deleteIfExists(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
