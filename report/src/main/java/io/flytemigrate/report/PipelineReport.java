package io.flytemigrate.report;

import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.parity.ParityReport;
import java.util.Objects;

/**
 * What the per-pipeline report shows: the parity rows and the pipeline drawn twice, as the source
 * DAG and as the Flyte DAG.
 *
 * @param source the source DAG, normally {@code IrDag.of(pipeline)}
 * @param flyte the Flyte DAG, built by the caller from what the emitter produced
 */
public record PipelineReport(ParityReport parity, Dag source, Dag flyte) {
  public PipelineReport {
    Objects.requireNonNull(parity, "parity");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(flyte, "flyte");
  }

  /** The source DAG drawn from the IR, and the given Flyte DAG. */
  public static PipelineReport of(Pipeline pipeline, ParityReport parity, Dag flyte) {
    return new PipelineReport(parity, IrDag.of(pipeline), flyte);
  }

  /**
   * Both sides drawn from the IR: the pass-through for as long as the emitter's Flyte DAG is not
   * available, which shows the structure Flyte receives when the translation keeps it.
   */
  public static PipelineReport of(Pipeline pipeline, ParityReport parity) {
    Dag dag = IrDag.of(pipeline);
    return new PipelineReport(parity, dag, dag);
  }

  /** The pipeline's name. */
  public String pipeline() {
    return parity.pipeline();
  }
}
