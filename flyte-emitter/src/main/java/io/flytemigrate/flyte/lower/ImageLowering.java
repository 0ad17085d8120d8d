package io.flytemigrate.flyte.lower;

import io.flytemigrate.flyte.model.ImageDef;
import io.flytemigrate.ir.Component.PythonComponent;
import java.util.List;
import java.util.Optional;

/**
 * A lightweight component's base image and the packages it asks pip for become a flytekit
 * {@code ImageSpec}; components that need the same image share one. The packages KFP installs
 * for its own executor ({@code kfp}, ...) are not needed by flytekit and are left out.
 */
final class ImageLowering {
  private ImageLowering() {}

  static ImageDef imageFor(PythonComponent c, String preferredName, Context ctx) {
    Optional<String> base = c.baseImage().isBlank() ? Optional.empty() : Optional.of(c.baseImage());
    for (ImageDef existing : ctx.images) {
      if (existing.baseImage().equals(base) && existing.packages().equals(c.packages())
          && existing.pipExtraIndexUrls().equals(c.pipIndexUrls())) {
        return existing;
      }
    }
    String name = ctx.taskNames.claim(preferredName + "_image");
    String hash = ContentHash.shortOf(List.of(base.orElse(""), c.packages(), c.pipIndexUrls()), 12);
    String reference = ctx.options.image().orElse(Names.dnsify(ctx.pythonPackage + "-" + preferredName) + ":" + hash);
    ImageDef image = new ImageDef(name, base, c.packages(), c.pipIndexUrls(), Optional.empty(), reference);
    ctx.images.add(image);
    String what = "ImageSpec `" + name + "` on `" + base.orElse("the default image") + "`"
        + (c.packages().isEmpty() ? "" : " with " + String.join(", ", c.packages()));
    if (c.runtimePackages().isEmpty()) {
      ctx.parity.exact("image", c.id(), c.span(), what);
    } else {
      ctx.parity.exact("image", c.id(), c.span(), what,
          "KFP's own packages (" + String.join(", ", c.runtimePackages()) + ") are not needed: flytekit runs the task");
    }
    return image;
  }
}
