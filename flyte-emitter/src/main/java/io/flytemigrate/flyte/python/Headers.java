package io.flytemigrate.flyte.python;

import io.flytemigrate.flyte.model.FlyteProject;

/** The first lines of every generated module: where it came from and what it holds. */
final class Headers {
  private Headers() {}

  static void module(PySource src, FlyteProject p, String what) {
    src.comment("Translated by flyte-migrate from " + p.sourceFile() + " (KFP pipeline `" + p.pipelineName() + "`).");
    src.docstring(what);
  }
}
