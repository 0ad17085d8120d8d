package io.flytemigrate.validators;

import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Code;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticSink;
import java.util.ArrayList;
import java.util.List;

/**
 * Names stay distinct once renamed: two node ids of a workflow never become the same Flyte
 * node id, and two inputs (or two outputs) of an interface never become the same Python name.
 * {@code train_model} and {@code train-model} are different KFP tasks but one Flyte node id.
 * flytepropeller would keep one node and drop the other ({@code ValueCollision}) or see one
 * input bound twice ({@code ParameterBoundMoreThanOnce}).
 */
public final class RenamedNamesAreUnique implements Check {
  @Override
  public Code code() {
    return Codes.RENAMED_NAME_COLLISION;
  }

  @Override
  public void run(Pipeline pipeline, DiagnosticSink sink) {
    List<List<Renaming.Name>> spaces = new ArrayList<>(Renaming.nodeIdSpaces(pipeline));
    spaces.addAll(Renaming.portSpaces(pipeline));
    for (List<Renaming.Name> space : spaces) {
      for (Renaming.Collision c : Renaming.collisions(space)) {
        sink.report(Diagnostic.of(code(), c.name().span(), c.name().what() + " and " + c.first().what() + " both become `"
                + c.name().renamed() + "`")
            .withLabel(c.first().span(), "`" + c.first().original() + "` is here")
            .withHelp("rename one of them so that they differ in more than case, `_`, `-` or `.`"));
      }
    }
  }
}
