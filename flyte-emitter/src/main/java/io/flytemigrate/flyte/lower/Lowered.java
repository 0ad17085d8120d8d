package io.flytemigrate.flyte.lower;

import io.flytemigrate.flyte.model.FlyteProject;
import io.flytemigrate.ir.parity.ParityReport;
import java.util.Objects;

/** The result of lowering one pipeline: the Flyte model and what became of every source element. */
public record Lowered(FlyteProject project, ParityReport parity) {
  public Lowered {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(parity, "parity");
  }
}
