package io.flytemigrate.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the repository root, the sample cases and the shared corpus beside the repository. */
final class Corpus {
  private Corpus() {}

  /** The repository root: the nearest ancestor of the working directory holding ARCHITECTURE.md or samples/. */
  static Path repoRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null) {
      if (Files.isDirectory(p.resolve("samples")) && Files.isRegularFile(p.resolve("pom.xml"))) {
        return p;
      }
      p = p.getParent();
    }
    throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
  }

  /** The public corpus of real pipeline files, kept beside the repository as {@code shared/corpus}. */
  static Path corpusRoot() {
    Path root = repoRoot().resolve("../shared/corpus").normalize();
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException("the corpus is missing: expected " + root);
    }
    return root;
  }

  /** Every regular file below {@code dir}, sorted. */
  static List<Path> files(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
