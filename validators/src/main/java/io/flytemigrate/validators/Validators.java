package io.flytemigrate.validators;

import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticSink;
import java.util.List;

/**
 * The registry of checks, as an explicit list (no classpath scanning), in code order, and the
 * one entry point that runs them. A new check is one class, one line here, one unit test class
 * ({@code <Check>Test}) and one docs page for its code; {@code ValidatorsTest} fails when a
 * registered check lacks the test or the page.
 */
public final class Validators {
  private Validators() {}

  /** Every check, in the order of their codes. */
  public static List<Check> all() {
    return List.of(
        new NoDuplicateNodeIds(),
        new ReferencesResolve(),
        new VariablesResolve(),
        new NoDependencyCycles(),
        new NodesAreReachable(),
        new AfterEdgesAreConsistent(),
        new BodiesAreNotEmpty(),
        new LoopsIterateOverLists(),
        new InputsAreBound(),
        new InputsAreBoundOnce(),
        new TypesAreCompatible(),
        new ArtifactKindsMatch(),
        new ConstantsMatchTypes(),
        new FieldSelectorsOnStructs(),
        new ConditionalOutputsAreGuarded(),
        new NodeIdsAreFlyteNames(),
        new NamesArePythonIdentifiers(),
        new RenamedNamesAreUnique());
  }

  /** Runs every check on {@code pipeline}: the findings, de-duplicated and sorted. */
  public static List<Diagnostic> check(Pipeline pipeline) {
    return check(pipeline, all());
  }

  /** Runs {@code checks} on {@code pipeline}: the findings, de-duplicated and sorted. */
  public static List<Diagnostic> check(Pipeline pipeline, List<Check> checks) {
    DiagnosticSink sink = new DiagnosticSink();
    for (Check c : checks) {
      c.run(pipeline, sink);
    }
    return sink.sorted();
  }
}
