package io.flytemigrate.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs {@code flyte-migrate inspect} over every file of the corpus folders the KFP v2 reader owns:
 * valid files exit 0, read every field (no unknown-field warning) and print the same bytes twice;
 * invalid files exit 1 with an error that points at a line.
 */
class CorpusTest {
  private static final Pattern ERROR_AT_LINE = Pattern.compile("(?m)^\\S+:[1-9][0-9]*:[1-9][0-9]*: error\\[FM[0-9]{4}\\]: ");

  static Stream<Path> valid() {
    List<Path> files = Corpus.files(Corpus.corpusRoot().resolve("kfp/sdk_compiled_pipelines/valid"));
    assertTrue(files.size() >= 90, "expected the whole valid corpus, found " + files.size());
    return files.stream();
  }

  static Stream<Path> invalid() {
    return Corpus.files(Corpus.corpusRoot().resolve("kfp/sdk_compiled_pipelines/invalid")).stream();
  }

  static Stream<Path> argoForm() {
    return Corpus.files(Corpus.corpusRoot().resolve("kfp/compiled-workflows")).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void validFilesInspectCleanly(Path file) {
    Cli first = Cli.run("inspect", file.toString(), "--diagnostics", "short");
    assertEquals(0, first.exit(), first::toString);
    assertFalse(first.err().contains("FM1004"), "a field was not read:\n" + first.err());
    assertTrue(first.out().startsWith("Pipeline @"), first::toString);
    Cli second = Cli.run("inspect", file.toString(), "--diagnostics", "short");
    assertEquals(first.out(), second.out(), "the IR text differs between two runs");
    Cli json = Cli.run("inspect", file.toString(), "--format", "json");
    assertEquals(0, json.exit(), json::toString);
    assertTrue(json.out().startsWith("{\n  \"irVersion\": 1,"), json.out());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidFilesFailWithAnErrorAtALine(Path file) {
    Cli r = Cli.run("inspect", file.toString(), "--diagnostics", "short");
    assertEquals(1, r.exit(), r::toString);
    assertTrue(ERROR_AT_LINE.matcher(r.err()).find(), r::toString);
  }

  /** The Argo form is another reader's business (KFP v1 issue); here it must fail cleanly. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("argoForm")
  void argoWorkflowsNeverCrash(Path file) {
    Cli r = Cli.run("inspect", file.toString(), "--diagnostics", "short");
    assertTrue(r.exit() == 0 || r.exit() == 1, r::toString);
    assertFalse(r.err().contains("internal error"), r::toString);
  }
}
