package io.flytemigrate.flyte.python;

import io.flytemigrate.flyte.model.FlyteProject;
import io.flytemigrate.flyte.model.TaskBody;
import io.flytemigrate.flyte.model.TaskDef;

/**
 * The program of a KFP component whose task calls the function whole: its imports (KFP's own
 * pointing at the compat module) and the function, exactly as the source ships them, kept out of
 * black's way with {@code # fmt: off}.
 */
final class ComponentModuleWriter {
  private ComponentModuleWriter() {}

  static String write(FlyteProject p, TaskDef t) {
    TaskBody.PythonFunction f = (TaskBody.PythonFunction) t.body();
    PySource src = new PySource();
    Headers.module(src, p, "The program of KFP component `" + t.sourceComponent() + "`, kept as written.\n\n"
        + "`tasks." + t.python().name() + "` calls `" + f.functionName() + "` through `compat`, which gives it the"
        + " artifacts\nand paths KFP's executor did.");
    src.blank(1);
    src.raw("# fmt: off");
    boolean any = false;
    for (String line : f.preamble().split("\n", -1)) {
      if (line.isBlank()) {
        continue;
      }
      String rewritten = KfpImports.rewrite(line, p.pythonPackage() + ".compat").orElse(null);
      if (rewritten != null) {
        src.raw(rewritten);
        any = true;
      }
    }
    if (any) {
      src.raw("");
      src.raw("");
    }
    for (String line : f.definition().split("\n", -1)) {
      src.raw(line);
    }
    src.raw("# fmt: on");
    return src.text();
  }
}
