package io.flytemigrate.validators;

import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Code;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticSink;
import java.util.List;
import java.util.Set;

/**
 * The input and output names of components and of the pipeline are Python identifiers (see
 * {@link FlyteNames#isPythonIdentifier}): they become parameters and outputs of generated
 * flytekit functions, and Flyte variable names, which must match {@code ^\w+$} ({@code
 * SyntaxError}). A name that is not is reported with the name the emitters use ({@link
 * FlyteNames#pythonIdentifier}). A name whose new form collides with another is reported once,
 * as FM4018, instead.
 */
public final class NamesArePythonIdentifiers implements Check {
  @Override
  public Code code() {
    return Codes.INVALID_PYTHON_NAME;
  }

  @Override
  public void run(Pipeline pipeline, DiagnosticSink sink) {
    for (List<Renaming.Name> space : Renaming.portSpaces(pipeline)) {
      Set<String> colliding = Renaming.collidingRenames(space);
      for (Renaming.Name n : space) {
        if (n.original().equals(n.renamed()) || colliding.contains(n.renamed())) {
          continue;
        }
        sink.report(Diagnostic.of(code(), n.span(), n.what() + " is not a python identifier; it becomes `" + n.renamed() + "`")
            .withHelp("python names use letters, digits and `_`, do not start with a digit and are not keywords;"
                + " rename it to keep control of the name"));
      }
    }
  }
}
