package io.flytemigrate.kfp.v1;

import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.kfp.tree.Fields;

/**
 * The image a container runs, from its {@code image} field. An empty image is reported as an
 * error where it is written: Kubernetes refuses such a container, so neither KFP nor Flyte can
 * run it (some repositories publish components whose image a build step fills in).
 */
final class ContainerImage {
  private ContainerImage() {}

  /** The image of {@code container} (of {@code where}, for messages); empty when missing or empty. */
  static String read(Fields container, String where, DiagnosticSink sink) {
    String image = container.requireString("image").orElse("");
    if (container.has("image") && image.isBlank()) {
      Messages.report(sink, Codes.EMPTY_IMAGE, container.valueSpan("image"), "the image of " + where
          + " is empty, so its container cannot run",
          "set `image` to the image that holds the program; when a build step fills the image in, convert the file it writes");
    }
    return image;
  }
}
