package io.flytemigrate.flyte.python;

import java.util.Optional;

/**
 * The imports KFP adds to every lightweight component's program ({@code import kfp},
 * {@code from kfp import dsl}, {@code from kfp.dsl import *}, {@code from typing import *}), and
 * what they become when the program is kept whole: the KFP names come from the compat module.
 * Lines are compared whole, at column 0; nothing else of the program is read.
 */
final class KfpImports {
  private KfpImports() {}

  static boolean isKfpBoilerplate(String line) {
    String l = line;
    return l.equals("import kfp") || l.equals("from kfp import dsl") || l.equals("from kfp.dsl import *")
        || l.equals("from typing import *");
  }

  /** The line in a kept program: KFP imports point at the compat module; others stay. Empty drops it. */
  static Optional<String> rewrite(String line, String compatModule) {
    String l = line;
    if (l.equals("import kfp")) {
      return Optional.empty();
    }
    if (l.equals("from kfp import dsl")) {
      return Optional.of("from " + compatModule + " import dsl");
    }
    if (l.startsWith("from kfp.dsl import ")) {
      return Optional.of("from " + compatModule + " import " + l.substring("from kfp.dsl import ".length()));
    }
    return Optional.of(line);
  }
}
