package io.flytemigrate.flyteproto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the repository root and the shared corpus of real pipeline files beside it. */
public final class Corpus {
  private Corpus() {}

  public static Path repoRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null) {
      if (Files.isDirectory(p.resolve("samples")) && Files.isRegularFile(p.resolve("pom.xml"))
          && Files.isDirectory(p.resolve("flyte-proto"))) {
        return p;
      }
      p = p.getParent();
    }
    throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
  }

  public static Path root() {
    Path root = repoRoot().resolve("../shared/corpus").normalize();
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException("the corpus is missing: expected " + root);
    }
    return root;
  }

  /** Every valid KFP v2 pipeline of the corpus, as paths relative to the corpus root, sorted. */
  public static List<String> validKfpV2() {
    Path dir = root().resolve("kfp/sdk_compiled_pipelines/valid");
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json"))
          .map(p -> root().relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String read(String relative) {
    try {
      return Files.readString(root().resolve(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
