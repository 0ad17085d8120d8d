package io.flytemigrate.report;

import org.junit.jupiter.api.Test;

/**
 * Every writer's output for the fixture batch, as approved golden files under {@code
 * src/test/resources/approved/}. Read the approved files to see what users get.
 */
class GoldenTest {
  private static final BatchResult BATCH = Fixtures.batch();

  private static InputResult converted() {
    return BATCH.inputs().stream().filter(r -> r.path().equals(Fixtures.FILE)).findFirst().orElseThrow();
  }

  @Test
  void parityJson() {
    ApprovedFiles.verify("parity", "json", ParityJson.write(converted().report().orElseThrow().parity()));
  }

  @Test
  void parityMarkdown() {
    InputResult r = converted();
    ApprovedFiles.verify("parity", "md", ParityMarkdown.write(r.report().orElseThrow(), r.diagnostics()));
  }

  @Test
  void parityMarkdownOfThePassThrough() {
    InputResult r = BATCH.inputs().stream().filter(i -> i.path().equals(Fixtures.COPY)).findFirst().orElseThrow();
    ApprovedFiles.verify("parity-pass-through", "md", ParityMarkdown.write(r.report().orElseThrow(), r.diagnostics()));
  }

  @Test
  void html() {
    ApprovedFiles.verify("report", "html", ParityHtml.write(BATCH));
  }

  @Test
  void summaryJson() {
    ApprovedFiles.verify("summary", "json", BatchSummary.write(BATCH));
  }

  @Test
  void batchMarkdown() {
    ApprovedFiles.verify("batch", "md", BatchMarkdown.write(BATCH));
  }

  @Test
  void junit() {
    ApprovedFiles.verify("junit", "xml", JUnitXml.write(BATCH, false));
  }

  @Test
  void junitStrict() {
    ApprovedFiles.verify("junit-strict", "xml", JUnitXml.write(BATCH, true));
  }

  @Test
  void sarif() {
    ApprovedFiles.verify("diagnostics", "sarif", Sarif.write(BATCH));
  }
}
