package io.flytemigrate.report;

import java.io.File;
import java.nio.file.Path;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.namer.ApprovalNamer;
import org.approvaltests.reporters.AutoApproveReporter;
import org.approvaltests.reporters.QuietReporter;

/**
 * Golden files of this module: {@code src/test/resources/approved/<name>.approved.<ext>}. On a
 * difference a {@code .received.<ext>} file appears beside the approved one; review it, then approve
 * every difference at once with {@code mvn test -pl report -Dapprove=true}.
 */
final class ApprovedFiles implements ApprovalNamer {
  static final Path DIR = Path.of("src/test/resources/approved");

  private final String name;

  private ApprovedFiles(String name) {
    this.name = name;
  }

  /** Checks {@code text} against {@code <name>.approved.<ext>}. */
  static void verify(String name, String ext, String text) {
    Options options = new Options()
        .withReporter(Boolean.getBoolean("approve") ? new AutoApproveReporter() : new QuietReporter())
        .forFile().withNamer(new ApprovedFiles(name))
        .forFile().withExtension("." + ext);
    Approvals.verify(text, options);
  }

  @Override
  public File getApprovedFile(String extensionWithDot) {
    return DIR.resolve(name + ".approved" + extensionWithDot).toFile();
  }

  @Override
  public File getReceivedFile(String extensionWithDot) {
    return DIR.resolve(name + ".received" + extensionWithDot).toFile();
  }

  @Override
  public ApprovalNamer addAdditionalInformation(String info) {
    return this;
  }

  @Override
  public String getAdditionalInformation() {
    return "";
  }

  @Override
  public String getApprovalName() {
    return name;
  }

  @Override
  public String getSourceFilePath() {
    return DIR.toString() + File.separator;
  }
}
