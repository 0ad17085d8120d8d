package io.flytemigrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.flyte.lower.FlyteLowering;
import io.flytemigrate.flyte.lower.Lowered;
import io.flytemigrate.flyte.lower.LoweringOptions;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.report.BatchResult;
import io.flytemigrate.report.FlyteIds;
import io.flytemigrate.report.InputResult;
import io.flytemigrate.report.InputStatus;
import io.flytemigrate.report.ParityHtml;
import io.flytemigrate.report.PipelineReport;
import io.flytemigrate.validators.Validators;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report of a real corpus pipeline, opened in headless Chromium: it must log nothing to
 * the console, its DOM must hold both DAGs as SVG with their nodes, and a screenshot must show
 * both drawn side by side, the Flyte one with the branch node only the Flyte side has.
 *
 * <p>Skipped (not failed) when no {@code chromium} is on the PATH; CI installs Debian's. The
 * harness checks itself on a page that does log an error, so a Chromium that stopped reporting
 * console messages would fail here rather than pass silently.
 */
class ReportInChromiumTest {
  /** A real pipeline with a condition: the Flyte side draws a branch node the source side does not have. */
  private static final String PIPELINE = "kfp/sdk_compiled_pipelines/valid/critical/flip_coin.yaml";

  private static final int WIDTH = 1400;
  /** Tall enough for the whole page, so the screenshot holds both DAGs wherever they are on it. */
  private static final int HEIGHT = 10000;

  /** Fill colours of {@code SvgDag}: task leaves, condition clusters and branch (if/elif/else) clusters. */
  private static final int TASK_FILL = 0xeaf1fb;
  private static final int CONDITION_FILL = 0xfff8e1;
  private static final int BRANCHES_FILL = 0xfff1e0;

  /** A console message as Chromium logs it with {@code --enable-logging=stderr}. */
  private static final Pattern CONSOLE = Pattern.compile(":CONSOLE[(:]\\d+\\)?\\]\\s*(.*)");

  private Path chromium;

  @TempDir Path dir;

  /** Each test is skipped, and reported as skipped, when there is no browser to run. */
  @BeforeEach
  void findChromium() {
    chromium = onPath("chromium", "chromium-browser").orElse(null);
    Assumptions.assumeTrue(chromium != null, "no chromium on the PATH; CI installs it (apt-get install chromium)");
  }

  private static Optional<Path> onPath(String... names) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String name : names) {
      for (String d : path.split(File.pathSeparator)) {
        Path candidate = Path.of(d.isEmpty() ? "." : d, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** What one Chromium run printed. */
  private record Run(String stdout, String stderr) {
    List<String> consoleMessages() {
      List<String> out = new ArrayList<>();
      for (String line : stderr.lines().toList()) {
        Matcher m = CONSOLE.matcher(line);
        if (m.find()) {
          out.add(m.group(1));
        }
      }
      return out;
    }
  }

  private Run chromium(String name, Path page, String... mode) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars",
        "--user-data-dir=" + dir.resolve("profile-" + name), "--enable-logging=stderr", "--v=0",
        "--window-size=" + WIDTH + "," + HEIGHT));
    cmd.addAll(List.of(mode));
    cmd.add(page.toUri().toString());
    Path out = dir.resolve(name + ".out");
    Path err = dir.resolve(name + ".err");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    // A safety net against a hung browser, not a measurement: a healthy run takes seconds.
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish: " + String.join(" ", cmd));
    }
    return new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  /** report.html for the corpus pipeline, converted as `convert` does, with the Flyte DAG from the lowered model. */
  private Path report() throws IOException {
    Path file = FlyteDagTest.corpus(PIPELINE);
    SourceFile source = new SourceFile(PIPELINE, Files.readString(file));
    Outcome<Pipeline> read = Readers.pick(Readers.all(), source).orElseThrow().read(source);
    assertTrue(read.value().isPresent() && !read.hasErrors(), () -> read.diagnostics().toString());
    Pipeline pipeline = read.value().get();
    List<Diagnostic> diagnostics = new ArrayList<>(read.diagnostics());
    diagnostics.addAll(Validators.check(pipeline));
    Outcome<Lowered> lowered = FlyteLowering.lower(pipeline, LoweringOptions.DEFAULT);
    assertTrue(lowered.value().isPresent() && !lowered.hasErrors(), () -> lowered.diagnostics().toString());
    diagnostics.addAll(lowered.diagnostics());
    Lowered l = lowered.value().get();
    PipelineReport report = PipelineReport.of(pipeline, l.parity(), FlyteDag.of(l.project()));
    InputResult input = new InputResult(PIPELINE, InputStatus.CONVERTED, diagnostics, FlyteIds.NONE, Optional.of(report));
    Path page = dir.resolve("report.html");
    Files.writeString(page, ParityHtml.write(BatchResult.of(List.of(input))), StandardCharsets.UTF_8);
    return page;
  }

  @Test
  void theHarnessSeesConsoleErrors() throws Exception {
    Path bad = dir.resolve("bad.html");
    Files.writeString(bad, "<!DOCTYPE html><html><body><p>x</p><script>console.error(\"harness-check\")</script></body></html>");
    Run run = chromium("bad", bad, "--dump-dom");
    assertTrue(run.consoleMessages().stream().anyMatch(m -> m.contains("harness-check")),
        "chromium's console messages are not seen; stderr was:\n" + run.stderr());
  }

  @Test
  void theReportOpensWithoutConsoleMessagesAndItsDomHoldsBothDags() throws Exception {
    Run run = chromium("dom", report(), "--dump-dom");
    assertEquals(List.of(), run.consoleMessages(), "console messages while opening the report");
    String dom = run.stdout();
    assertTrue(dom.contains("<figcaption>Source</figcaption>"), dom);
    assertTrue(dom.contains("<figcaption>Flyte</figcaption>"), dom);
    int source = dom.indexOf("<figcaption>Source</figcaption>");
    int flyte = dom.indexOf("<figcaption>Flyte</figcaption>");
    String sourcePanel = dom.substring(source, flyte);
    String flytePanel = dom.substring(flyte, dom.indexOf("</figure>", flyte));
    assertTrue(sourcePanel.contains("<svg class=\"dag\"") && sourcePanel.contains("<g class=\"node\">"), sourcePanel);
    assertTrue(flytePanel.contains("<svg class=\"dag\"") && flytePanel.contains("<g class=\"node\">"), flytePanel);
    assertTrue(flytePanel.contains(": conditional<"), "the Flyte panel draws branch nodes: " + flytePanel);
    assertFalse(sourcePanel.contains(": conditional"), "the source panel draws the source: " + sourcePanel);
  }

  @Test
  void aScreenshotShowsBothDagsSideBySide() throws Exception {
    Path png = dir.resolve("report.png");
    Run run = chromium("shot", report(), "--screenshot=" + png);
    assertEquals(List.of(), run.consoleMessages(), "console messages while opening the report");
    assertTrue(Files.isRegularFile(png), "no screenshot; stderr was:\n" + run.stderr());
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(WIDTH, image.getWidth());
    assertTrue(blankBelow(image, image.getHeight() - 40),
        "the page is taller than the " + HEIGHT + " px window, so the screenshot may miss part of it; raise HEIGHT");
    int middle = image.getWidth() / 2;
    int[] left = count(image, 0, middle);
    int[] right = count(image, middle, image.getWidth());
    // Task boxes are 24 px high and dozens wide: a few hundred pixels each.
    assertTrue(left[0] > 1000, "the source panel shows task boxes: " + left[0] + " task pixels");
    assertTrue(right[0] > 1000, "the Flyte panel shows task boxes: " + right[0] + " task pixels");
    assertTrue(left[1] > 1000, "the source panel shows its conditions: " + left[1] + " condition pixels");
    assertTrue(right[2] > 1000, "the Flyte panel shows its branch node: " + right[2] + " branch pixels");
    assertEquals(0, left[2], "the source side has no branch node of Flyte's");
  }

  /** Whether every pixel from row {@code y} down is the page's white background. */
  private static boolean blankBelow(BufferedImage image, int y) {
    for (int row = y; row < image.getHeight(); row++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, row) & 0xffffff) != 0xffffff) {
          return false;
        }
      }
    }
    return true;
  }

  /** Pixels of the task, condition and branch fill colours between two columns. */
  private static int[] count(BufferedImage image, int fromX, int toX) {
    int[] n = new int[3];
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = fromX; x < toX; x++) {
        int rgb = image.getRGB(x, y) & 0xffffff;
        if (rgb == TASK_FILL) {
          n[0]++;
        } else if (rgb == CONDITION_FILL) {
          n[1]++;
        } else if (rgb == BRANCHES_FILL) {
          n[2]++;
        }
      }
    }
    return n;
  }
}
