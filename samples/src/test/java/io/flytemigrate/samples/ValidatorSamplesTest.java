package io.flytemigrate.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.cli.CheckCommand;
import io.flytemigrate.cli.Readers;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticRenderer;
import io.flytemigrate.ir.diag.Severity;
import io.flytemigrate.ir.diag.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.AutoApproveReporter;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests for {@code flyte-migrate check}, through the same code the command runs ({@link
 * CheckCommand#check}):
 *
 * <ul>
 *   <li>each hand-made broken pipeline under {@code samples/cases/validators/<case>/input/} gives
 *       exactly one error, the one in {@code approved/check.approved.txt};
 *   <li>the whole valid KFP v2 corpus gives no error, and the validators' warnings on it are
 *       exactly those in {@code samples/cases/validators/valid-corpus/check.approved.txt}, each
 *       justified in {@code valid-corpus/justified.md};
 *   <li>every invalid corpus file gives an error at a line;
 *   <li>the output is the same bytes on a second run.
 * </ul>
 *
 * Approve changes with {@code -Dapprove=true}, as for {@link SamplesTest}.
 */
class ValidatorSamplesTest {
  private static final Path CASES = Corpus.repoRoot().resolve("samples/cases/validators");
  private static final Path VALID = Corpus.corpusRoot().resolve("kfp/sdk_compiled_pipelines/valid");
  private static final Path INVALID = Corpus.corpusRoot().resolve("kfp/sdk_compiled_pipelines/invalid");
  /** A justification line: {@code - `corpus/...:12:3` FM4015: why}. */
  private static final Pattern JUSTIFIED = Pattern.compile("^- `(\\S+:[0-9]+:[0-9]+)` (FM[0-9]{4}): \\S.*$");

  static Stream<SampleCase> brokenPipelines() {
    List<SampleCase> mine = SampleCase.discover().stream().filter(c -> c.name().startsWith("validators/")).toList();
    assertTrue(mine.size() >= 7, "expected the hand-made broken pipelines, found " + mine.size());
    return mine.stream();
  }

  private static List<Diagnostic> check(String displayPath, String text) {
    return CheckCommand.check(new SourceFile(displayPath, text), Readers.all());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenPipelines")
  void eachBrokenPipelineGivesExactlyItsError(SampleCase c) {
    List<Diagnostic> found = check(c.displayPath(), c.text());
    String text = DiagnosticRenderer.shortForm(found);
    approve(c.dir().resolve("approved"), "check", text);
    assertEquals(1, found.size(), () -> c + " should show one problem:\n" + text);
    assertEquals(Severity.ERROR, found.get(0).severity(), text);
    assertTrue(found.get(0).code().id().startsWith("FM4"), () -> "a validator finds it, not the reader:\n" + text);
    assertTrue(found.get(0).span().line() > 0 && found.get(0).span().column() > 0, text);
  }

  @Test
  void theValidCorpusHasNoErrorsAndOnlyJustifiedWarnings() throws Exception {
    String first = corpusReport();
    assertEquals(first, corpusReport(), "the report differs between two runs");
    Path dir = CASES.resolve("valid-corpus");
    approve(dir, "check", first);

    Set<String> warnings = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^(\\S+:[0-9]+:[0-9]+): warning\\[(FM[0-9]{4})\\]").matcher(first);
    while (m.find()) {
      warnings.add(m.group(1) + " " + m.group(2));
    }
    Set<String> justified = new TreeSet<>();
    for (String line : Files.readAllLines(dir.resolve("justified.md"))) {
      Matcher j = JUSTIFIED.matcher(line);
      if (j.matches()) {
        justified.add(j.group(1) + " " + j.group(2));
      } else {
        assertFalse(line.startsWith("- `"), () -> "malformed justification line: " + line);
      }
    }
    assertEquals(warnings, justified, "every warning on the valid corpus needs a line in valid-corpus/justified.md, and only those");
  }

  @Test
  void everyInvalidCorpusFileGivesAnErrorAtALine() {
    List<Path> files = Corpus.files(INVALID);
    assertFalse(files.isEmpty());
    for (Path f : files) {
      List<Diagnostic> found = check("corpus/" + Corpus.corpusRoot().relativize(f), SampleCase.read(f));
      assertTrue(found.stream().anyMatch(d -> d.isError() && d.span().line() > 0), () -> f + ":\n" + DiagnosticRenderer.shortForm(found));
    }
  }

  /**
   * What the validators report on every valid corpus file, in path order. The reader's own
   * warnings are left out (its goldens cover them), but an error from either fails the test.
   */
  private static String corpusReport() {
    List<Diagnostic> all = new ArrayList<>();
    List<Path> files = Corpus.files(VALID);
    assertTrue(files.size() >= 90, "expected the whole valid corpus, found " + files.size());
    for (Path f : files) {
      String display = "corpus/" + Corpus.corpusRoot().relativize(f).toString().replace('\\', '/');
      List<Diagnostic> found = check(display, SampleCase.read(f));
      assertFalse(found.stream().anyMatch(Diagnostic::isError), () -> display + ":\n" + DiagnosticRenderer.shortForm(found));
      found.stream().filter(d -> d.code().id().startsWith("FM4")).forEach(all::add);
    }
    return DiagnosticRenderer.shortForm(all);
  }

  private static void approve(Path dir, String name, String text) {
    Options options = new Options()
        .withReporter(Boolean.getBoolean("approve") ? new AutoApproveReporter() : new QuietReporter())
        .forFile().withNamer(new CaseNamer(dir, name))
        .forFile().withExtension(".txt");
    Approvals.verify(text, options);
  }
}
