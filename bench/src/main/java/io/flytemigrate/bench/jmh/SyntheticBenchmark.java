package io.flytemigrate.bench.jmh;

import io.flytemigrate.bench.Floor;
import io.flytemigrate.bench.Shape;
import io.flytemigrate.bench.Stage;
import io.flytemigrate.bench.Stages;
import io.flytemigrate.bench.Synthetic;
import io.flytemigrate.bench.Work;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.kfp.KfpV2Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Synthetic KFP v2 pipelines by shape and size: the reader alone, the whole in-memory path, and
 * the parse-only floor. Divide by {@code tasks} for the per-task cost; run with {@code -prof gc}
 * for bytes allocated per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class SyntheticBenchmark {
  @Param({"100", "1000", "5000", "20000"})
  public int tasks;

  @Param({"CHAIN", "FAN_OUT", "NESTED"})
  public Shape shape;

  private String name;
  private String yaml;
  private byte[] bytes;
  private final KfpV2Reader reader = new KfpV2Reader();
  private final List<Stage> endToEnd = Stages.inMemory();
  private final List<Stage> parseOnly = Floor.inMemory();

  @Setup
  public void generate() {
    Synthetic.Spec spec = Synthetic.generate(shape, tasks);
    name = spec.name();
    yaml = spec.yaml();
    bytes = yaml.getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  public Outcome<Pipeline> read() {
    return reader.read(new SourceFile(name, yaml));
  }

  @Benchmark
  public Work endToEnd() {
    return Stages.run(endToEnd, Work.ofBytes(name, bytes));
  }

  @Benchmark
  public Work parseOnly() {
    return Stages.run(parseOnly, Work.ofBytes(name, bytes));
  }
}
