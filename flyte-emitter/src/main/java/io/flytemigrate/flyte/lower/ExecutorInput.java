package io.flytemigrate.flyte.lower;

import io.flytemigrate.flyte.model.DataLoadingConfig;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Port;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The executor-input JSON a KFP lightweight component's own command expects ({@code --executor_input
 * {{$}}}), written with Flyte templates so that the original program can run unchanged in a raw
 * container: parameters as {@code {{.inputs.<name>}}}, output parameters written to the files
 * copilot uploads, artifacts by URI. Strings are not JSON-escaped by Flyte's templating, and KFP
 * maps only its known storage schemes to local paths, so this is an approximation; the notes say so.
 */
final class ExecutorInput {
  private final Set<String> notes = new TreeSet<>();

  String json(List<Port> inputs, List<Port> outputs, Map<String, String> inputVars, Map<String, String> outputVars) {
    List<String> params = new ArrayList<>();
    List<String> inArtifacts = new ArrayList<>();
    for (Port p : inputs) {
      String var = inputVars.get(p.name());
      if (p.artifact()) {
        inArtifacts.add(q(p.name()) + ":{\"artifacts\":[{\"uri\":\"{{.inputs." + var + "}}\",\"metadata\":{}}]}");
        notes.add("input artifact `" + p.name() + "` is passed by its remote URI; KFP maps only its own storage schemes to local paths");
      } else if (p.type() instanceof IrType.Primitive prim
          && (prim.scalar() == IrType.Scalar.STRING || prim.scalar() == IrType.Scalar.DATETIME)) {
        params.add(q(p.name()) + ":\"{{.inputs." + var + "}}\"");
        notes.add("string parameters are placed into the executor input without JSON escaping");
      } else if (p.type() instanceof IrType.Primitive) {
        params.add(q(p.name()) + ":{{.inputs." + var + "}}");
      } else {
        params.add(q(p.name()) + ":{{.inputs." + var + "}}");
        notes.add("parameter `" + p.name() + "` is a list or struct, which Flyte's templating does not render as JSON");
      }
    }
    List<String> outParams = new ArrayList<>();
    List<String> outArtifacts = new ArrayList<>();
    for (Port p : outputs) {
      String path = DataLoadingConfig.DEFAULT_OUTPUT_PATH + "/" + outputVars.get(p.name());
      if (p.artifact()) {
        outArtifacts.add(q(p.name()) + ":{\"artifacts\":[{\"name\":" + q(p.name()) + ",\"uri\":" + q(path)
            + ",\"metadata\":{}}]}");
        notes.add("output artifact `" + p.name() + "` is given a local path as its URI");
      } else {
        outParams.add(q(p.name()) + ":{\"outputFile\":" + q(path) + "}");
      }
    }
    return "{\"inputs\":{\"parameterValues\":{" + String.join(",", params) + "},\"artifacts\":{"
        + String.join(",", inArtifacts) + "}},\"outputs\":{\"parameters\":{" + String.join(",", outParams)
        + "},\"artifacts\":{" + String.join(",", outArtifacts) + "},\"outputFile\":\"/tmp/kfp_outputs/output_metadata.json\"}}";
  }

  Set<String> notes() {
    return notes;
  }

  private static String q(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
