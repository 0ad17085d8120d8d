package io.flytemigrate.flyte.lower;

import io.flytemigrate.flyte.model.DataLoadingConfig;
import io.flytemigrate.ir.Arg;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Renders a component's command line with Flyte's templates (flyte-target.md 2.3): input values as
 * {@code {{.inputs.<name>}}}, files copilot downloads as {@code /var/flyte/inputs/<name>}, and
 * outputs as files under {@code /var/flyte/outputs/<name>} that copilot uploads. What Flyte cannot
 * render is collected as notes for the parity report.
 */
final class ContainerArgs {
  private final Map<String, String> inputVars;
  private final Map<String, String> outputVars;
  private final Set<String> presentInputs;
  private final Set<String> notes = new TreeSet<>();
  private final Set<String> fileInputs = new TreeSet<>();
  private boolean usesOutputs;

  /**
   * @param inputVars IR input name to Flyte variable name
   * @param outputVars IR output name to Flyte variable name
   * @param presentInputs inputs that have a value in this task variant (for {@code IfPresent})
   */
  ContainerArgs(Map<String, String> inputVars, Map<String, String> outputVars, Set<String> presentInputs) {
    this.inputVars = inputVars;
    this.outputVars = outputVars;
    this.presentInputs = presentInputs;
  }

  /** One string per argument; {@code IfPresent} may expand to several or none. */
  List<String> render(List<Arg> args) {
    List<String> out = new ArrayList<>();
    for (Arg a : args) {
      if (a instanceof Arg.IfPresent p) {
        out.addAll(render(presentInputs.contains(p.input()) ? p.then() : p.otherwise()));
      } else {
        out.add(text(a));
      }
    }
    return out;
  }

  /** Approximations made while rendering, sorted. */
  Set<String> notes() {
    return notes;
  }

  /** Whether any argument names a file path under the copilot directories. */
  boolean usesCopilotPaths() {
    return usesOutputs || !fileInputs.isEmpty();
  }

  private String text(Arg a) {
    if (a instanceof Arg.Literal l) {
      return l.text();
    }
    if (a instanceof Arg.Concat c) {
      StringBuilder b = new StringBuilder();
      for (Arg part : c.parts()) {
        if (part instanceof Arg.IfPresent p) {
          b.append(String.join("", render(presentInputs.contains(p.input()) ? p.then() : p.otherwise())));
        } else {
          b.append(text(part));
        }
      }
      return b.toString();
    }
    if (a instanceof Arg.InputRef in) {
      String var = inputVars.getOrDefault(in.input(), Names.identifier(in.input()));
      return switch (in.access()) {
        case VALUE, URI -> "{{.inputs." + var + "}}";
        case PATH -> {
          fileInputs.add(var);
          yield DataLoadingConfig.DEFAULT_INPUT_PATH + "/" + var;
        }
        case METADATA -> {
          notes.add("artifact metadata of `" + in.input() + "` is not kept by Flyte; `{}` is passed");
          yield "{}";
        }
        case OBJECT -> {
          notes.add("artifact `" + in.input() + "` is passed as its URI, not as KFP's artifact JSON");
          yield "{{.inputs." + var + "}}";
        }
        case OUTPUT_FILE -> "{{.inputs." + var + "}}";
      };
    }
    if (a instanceof Arg.OutputRef o) {
      String var = outputVars.getOrDefault(o.output(), Names.identifier(o.output()));
      usesOutputs = true;
      return switch (o.access()) {
        case PATH, OUTPUT_FILE -> DataLoadingConfig.DEFAULT_OUTPUT_PATH + "/" + var;
        case URI -> {
          notes.add("output `" + o.output() + "` is given a local path that copilot uploads, not a remote URI");
          yield DataLoadingConfig.DEFAULT_OUTPUT_PATH + "/" + var;
        }
        case METADATA -> {
          notes.add("output metadata of `" + o.output() + "` is not kept by Flyte; writes to it go to a scratch file");
          yield "/tmp/" + var + "-metadata.json";
        }
        case VALUE, OBJECT -> {
          notes.add("output `" + o.output() + "` is written as a file that copilot uploads");
          yield DataLoadingConfig.DEFAULT_OUTPUT_PATH + "/" + var;
        }
      };
    }
    if (a instanceof Arg.RuntimeValue r) {
      return runtimeValue(r.name());
    }
    if (a instanceof Arg.UnknownPlaceholder u) {
      notes.add("placeholder `" + u.text() + "` is not known to Flyte and is kept as text");
      return u.text();
    }
    if (a instanceof Arg.IfPresent p) {
      return String.join(" ", render(List.of(p)));
    }
    throw new AssertionError(a);
  }

  private String runtimeValue(String name) {
    switch (name) {
      case "pipeline_task_name":
      case "pipeline_task_uuid":
        notes.add("runtime value `" + name + "` has no Flyte template; the retry-unique key is passed instead");
        return "{{.perRetryUniqueKey}}";
      case "pipeline_job_name":
      case "pipeline_job_uuid":
      case "pipeline_job_resource_name":
      case "pipeline_root":
        notes.add("runtime value `" + name + "` has no Flyte template; the raw output data prefix is passed instead");
        return "{{.rawOutputDataPrefix}}";
      default:
        notes.add("runtime value `" + name + "` has no Flyte counterpart; an empty string is passed");
        return "";
    }
  }
}
