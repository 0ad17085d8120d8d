package io.flytemigrate.flyte.python;

import io.flytemigrate.flyte.model.FlyteProject;

/** The first lines of every generated module: where it came from and what it holds. */
final class Headers {
  private Headers() {}

  static void module(PySource src, FlyteProject p, String what) {
    if (p.workflows().isEmpty()) {
      // The tasks a batch shares: the source files are those of every pipeline using them.
      src.comment("Merged by flyte-migrate from identical components of " + p.sourceFile() + ".");
      src.docstring(what);
      return;
    }
    src.comment("Translated by flyte-migrate from " + p.sourceFile() + " (KFP pipeline `" + p.pipelineName() + "`).");
    src.docstring(what);
  }
}
