package io.flytemigrate.samples;

import java.io.File;
import java.nio.file.Path;
import org.approvaltests.namer.ApprovalNamer;

/** Puts approved and received files of a sample case at {@code <case>/approved/<name>.approved<ext>}. */
final class CaseNamer implements ApprovalNamer {
  private final Path dir;
  private final String name;

  CaseNamer(Path dir, String name) {
    this.dir = dir;
    this.name = name;
  }

  @Override
  public File getApprovedFile(String extensionWithDot) {
    return dir.resolve(name + ".approved" + extensionWithDot).toFile();
  }

  @Override
  public File getReceivedFile(String extensionWithDot) {
    return dir.resolve(name + ".received" + extensionWithDot).toFile();
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
    return dir.toString() + File.separator;
  }
}
