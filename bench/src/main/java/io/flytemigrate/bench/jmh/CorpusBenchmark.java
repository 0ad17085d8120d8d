package io.flytemigrate.bench.jmh;

import io.flytemigrate.bench.CorpusSet;
import io.flytemigrate.bench.Floor;
import io.flytemigrate.bench.Replica;
import io.flytemigrate.bench.Stage;
import io.flytemigrate.bench.Stages;
import io.flytemigrate.bench.Work;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The whole KFP v2 corpus, held in memory, end to end ({@code convert}'s path), through
 * {@code inspect}'s path and parse-only: one operation is every file once. The corpus root is {@code -Dbench.corpus=DIR}, or {@code ../shared/corpus} beside
 * the repository found from the working directory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CorpusBenchmark {
  private final List<String> names = new ArrayList<>();
  private final List<byte[]> contents = new ArrayList<>();
  private final List<Stage> endToEnd = Stages.inMemory();
  private final List<Stage> parseOnly = Floor.inMemory();
  private final List<Stage> inspect = Stages.inspectInMemory();

  @Setup
  public void load() throws IOException {
    Path folder = JmhCorpus.root().resolve(CorpusSet.all().get(0).folder());
    for (Path f : Replica.filesBelow(folder)) {
      names.add(f.getFileName().toString());
      contents.add(Files.readAllBytes(f));
    }
    if (names.isEmpty()) {
      throw new IllegalStateException("no corpus files in " + folder);
    }
  }

  @Benchmark
  public void endToEnd(Blackhole bh) {
    for (int i = 0; i < names.size(); i++) {
      bh.consume(Stages.run(endToEnd, Work.ofBytes(names.get(i), contents.get(i))));
    }
  }

  @Benchmark
  public void inspect(Blackhole bh) {
    for (int i = 0; i < names.size(); i++) {
      bh.consume(Stages.run(inspect, Work.ofBytes(names.get(i), contents.get(i))));
    }
  }

  @Benchmark
  public void parseOnly(Blackhole bh) {
    for (int i = 0; i < names.size(); i++) {
      bh.consume(Stages.run(parseOnly, Work.ofBytes(names.get(i), contents.get(i))));
    }
  }
}
