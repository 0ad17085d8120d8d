package io.flytemigrate.flyte.lower;

import io.flytemigrate.flyte.model.Literal;
import io.flytemigrate.flyte.model.LiteralType;
import io.flytemigrate.ir.Value;
import java.util.List;

/**
 * The value an exit task's final-status input gets. Flyte runs the exit task in two places, as a
 * final node after success and as the failure node, so the state is known statically in each:
 * {@code SUCCEEDED} or {@code FAILED}. It has KFP's shape ({@code state}, {@code pipelineTaskName},
 * {@code error}); the error details are not available.
 */
final class FinalStatus {
  private FinalStatus() {}

  static Literal of(String task, String state, LiteralType type) {
    Value.MapValue status = new Value.MapValue(List.of(
        new Value.Entry("state", Value.str(state)),
        new Value.Entry("pipelineJobResourceName", Value.str("")),
        new Value.Entry("pipelineTaskName", Value.str(task)),
        new Value.Entry("error", new Value.MapValue(List.of()))));
    LiteralType t = Types.unwrapOptional(type);
    Literal lit = t instanceof LiteralType.Struct ? new Literal.StructValue(status) : new Literal.StringValue(Values.json(status));
    if (t != type && type instanceof LiteralType.Union u) {
      return new Literal.UnionValue(lit, u.variants().get(0));
    }
    return lit;
  }
}
