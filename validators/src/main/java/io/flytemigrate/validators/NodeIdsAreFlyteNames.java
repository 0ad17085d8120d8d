package io.flytemigrate.validators;

import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Code;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticSink;
import java.util.List;
import java.util.Set;

/**
 * Node ids are valid Flyte node ids (see {@link FlyteNames#isNodeId}); one that is not is
 * reported with the id the emitters give it ({@link FlyteNames#nodeId}). Node ids end up in
 * Kubernetes pod names: flytekit renames them with {@code _dnsify} and flytekit-java rejects
 * them; the compiler reports {@code InvalidValue} for such container names. An id whose new name
 * collides with another is reported once, as FM4018, instead.
 */
public final class NodeIdsAreFlyteNames implements Check {
  @Override
  public Code code() {
    return Codes.INVALID_NODE_ID;
  }

  @Override
  public void run(Pipeline pipeline, DiagnosticSink sink) {
    for (List<Renaming.Name> space : Renaming.nodeIdSpaces(pipeline)) {
      Set<String> colliding = Renaming.collidingRenames(space);
      for (Renaming.Name n : space) {
        if (n.original().equals(n.renamed()) || colliding.contains(n.renamed())) {
          continue;
        }
        sink.report(Diagnostic.of(code(), n.span(), n.what() + " is not a valid flyte node id; it becomes `" + n.renamed() + "`")
            .withHelp("flyte node ids are lowercase dns labels: letters, digits and inner `-`, at most 63 characters,"
                + " and not `start-node` or `end-node`; rename it to keep control of the name"));
      }
    }
  }
}
