package io.flytemigrate.bench;

import java.util.Locale;

/**
 * Generates compiled KFP v2 PipelineSpecs of a given size and {@link Shape} in memory, in the
 * layout the KFP 2.x compiler writes (sorted keys, two-space indent), so the reader sees what it
 * would see from a real, very large pipeline. Every generated spec reads without diagnostics.
 *
 * <p>Components are shared between tasks (four container components; one dag component per
 * nesting level), which keeps a 20,000-task spec under the 16 MiB input limit.
 */
public final class Synthetic {
  /** Nesting levels of one {@link Shape#NESTED} block. */
  static final int DEPTH = 10;

  /** Container tasks on each nesting level. */
  static final int PER_LEVEL = 9;

  private static final String SEED = "pipelinechannel--seed";

  private final StringBuilder out = new StringBuilder();
  private int tasks;
  private int levels;

  private Synthetic() {}

  /** A spec together with the number of tasks it really has (NESTED rounds to whole blocks). */
  public record Spec(String name, Shape shape, int tasks, String yaml) {}

  /** A spec of about {@code size} tasks (exactly {@code size} for CHAIN and FAN_OUT; at least 3). */
  public static Spec generate(Shape shape, int size) {
    int n = Math.max(3, size);
    Synthetic s = new Synthetic();
    s.levels = Math.max(1, (n - 1) / 2);
    String name = "synthetic-" + shape.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + n;
    int blocks = Math.max(1, (n - 1) / (DEPTH * (PER_LEVEL + 1)));
    s.header(shape, blocks);
    s.line(0, "pipelineInfo:");
    s.line(1, "name: " + name);
    s.line(0, "root:");
    s.line(1, "dag:");
    s.line(2, "tasks:");
    switch (shape) {
      case CHAIN -> s.chain(n);
      case FAN_OUT -> s.fanOut(n);
      case NESTED -> s.nestedRoot(blocks);
      case DEEP_PIPELINES -> s.deepRoot();
    }
    s.line(0, "schemaVersion: 2.1.0");
    s.line(0, "sdkVersion: kfp-2.13.0");
    return new Spec(name + ".yaml", shape, s.tasks, s.out.toString());
  }

  // ---- components and executors --------------------------------------------------------------

  private void header(Shape shape, int blocks) {
    line(0, "# PIPELINE DEFINITION");
    line(0, "# Name: synthetic");
    line(0, "components:");
    if (shape == Shape.NESTED) {
      for (int b = 0; b < blocks; b++) {
        for (int level = 1; level <= DEPTH; level++) {
          levelComponent(b, level);
        }
      }
    }
    if (shape == Shape.DEEP_PIPELINES) {
      for (int level = 1; level <= levels; level++) {
        pipelineLevel(level);
      }
    }
    line(1, "comp-consume:");
    line(2, "executorLabel: exec-consume");
    parameters(2, "inputDefinitions", "text", "STRING");
    parameters(2, "outputDefinitions", "Output", "STRING");
    line(1, "comp-gather:");
    line(2, "executorLabel: exec-gather");
    line(1, "comp-produce:");
    line(2, "executorLabel: exec-produce");
    parameters(2, "outputDefinitions", "Output", "STRING");
    line(0, "deploymentSpec:");
    line(1, "executors:");
    executor("exec-consume", "echo {{$.inputs.parameters['text']}} > {{$.outputs.parameters['Output'].output_file}}");
    executor("exec-gather", "echo done");
    executor("exec-produce", "echo go > {{$.outputs.parameters['Output'].output_file}}");
  }

  private void executor(String label, String script) {
    line(2, label + ":");
    line(3, "container:");
    line(4, "args:");
    line(4, "- " + script);
    line(4, "command:");
    line(4, "- sh");
    line(4, "- -c");
    line(4, "image: python:3.11");
  }

  private void parameters(int indent, String section, String name, String type) {
    line(indent, section + ":");
    line(indent + 1, "parameters:");
    line(indent + 2, name + ":");
    line(indent + 3, "parameterType: " + type);
  }

  /** The dag component of one nesting level: a chain of tasks, then the next level. */
  private void levelComponent(int block, int level) {
    line(1, levelId(block, level) + ":");
    line(2, "dag:");
    line(3, "tasks:");
    String previous = null;
    for (int i = 0; i < PER_LEVEL; i++) {
      String id = "b" + block + "-l" + level + "-t" + i;
      consumeTask(4, id, previous, previous == null ? SEED : null);
      previous = id;
    }
    if (level < DEPTH) {
      levelTask(4, block, level + 1, false);
    }
    line(2, "inputDefinitions:");
    line(3, "parameters:");
    if (kind(level) == Kind.LOOP) {
      line(4, loopItem(level) + ":");
      line(5, "parameterType: NUMBER_INTEGER");
    }
    line(4, SEED + ":");
    line(5, "parameterType: STRING");
  }

  /** One level of {@link Shape#DEEP_PIPELINES}: a task, then the nested pipeline of the next level. */
  private void pipelineLevel(int level) {
    line(1, "comp-pipeline-" + level + ":");
    line(2, "dag:");
    line(3, "tasks:");
    consumeTask(4, "work", null, SEED);
    if (level < levels) {
      line(4, "inner:");
      line(5, "componentRef:");
      line(6, "name: comp-pipeline-" + (level + 1));
      line(5, "inputs:");
      line(6, "parameters:");
      line(7, SEED + ":");
      line(8, "componentInputParameter: " + SEED);
      line(5, "taskInfo:");
      line(6, "name: inner");
      tasks++;
    }
    line(2, "inputDefinitions:");
    line(3, "parameters:");
    line(4, SEED + ":");
    line(5, "parameterType: STRING");
  }

  // ---- tasks ---------------------------------------------------------------------------------

  private void chain(int n) {
    produceTask(3, "t-0");
    for (int i = 1; i < n; i++) {
      consumeTask(3, "t-" + i, "t-" + (i - 1), null);
    }
  }

  private void fanOut(int n) {
    for (int i = 1; i < n - 1; i++) {
      consumeTask(3, "t-" + i, "t-0", null);
    }
    produceTask(3, "t-0");
    line(3, "z-gather:");
    line(4, "componentRef:");
    line(5, "name: comp-gather");
    line(4, "dependentTasks:");
    for (int i = 1; i < n - 1; i++) {
      line(4, "- t-" + i);
    }
    line(4, "taskInfo:");
    line(5, "name: gather");
    tasks++;
  }

  private void deepRoot() {
    produceTask(3, "t-0");
    line(3, "top:");
    line(4, "componentRef:");
    line(5, "name: comp-pipeline-1");
    line(4, "dependentTasks:");
    line(4, "- t-0");
    line(4, "inputs:");
    line(5, "parameters:");
    line(6, SEED + ":");
    line(7, "taskOutputParameter:");
    line(8, "outputParameterKey: Output");
    line(8, "producerTask: t-0");
    line(4, "taskInfo:");
    line(5, "name: top");
    tasks++;
  }

  private void nestedRoot(int blocks) {
    for (int b = 0; b < blocks; b++) {
      levelTask(3, b, 1, true);
    }
    produceTask(3, "t-0");
  }

  private void produceTask(int indent, String id) {
    line(indent, id + ":");
    caching(indent + 1);
    line(indent + 1, "componentRef:");
    line(indent + 2, "name: comp-produce");
    line(indent + 1, "taskInfo:");
    line(indent + 2, "name: " + id);
    tasks++;
  }

  /**
   * A task of {@code comp-consume}: reads the output of {@code producer}, or else the graph
   * input {@code graphInput}.
   */
  private void consumeTask(int indent, String id, String producer, String graphInput) {
    line(indent, id + ":");
    caching(indent + 1);
    line(indent + 1, "componentRef:");
    line(indent + 2, "name: comp-consume");
    if (producer != null) {
      line(indent + 1, "dependentTasks:");
      line(indent + 1, "- " + producer);
    }
    line(indent + 1, "inputs:");
    line(indent + 2, "parameters:");
    line(indent + 3, "text:");
    if (producer != null) {
      line(indent + 4, "taskOutputParameter:");
      line(indent + 5, "outputParameterKey: Output");
      line(indent + 5, "producerTask: " + producer);
    } else {
      line(indent + 4, "componentInputParameter: " + graphInput);
    }
    line(indent + 1, "taskInfo:");
    line(indent + 2, "name: " + id);
    tasks++;
  }

  /** The task that enters nesting level {@code level} of a block. */
  private void levelTask(int indent, int block, int level, boolean fromRoot) {
    String id = "b" + block + "-l" + level;
    line(indent, id + ":");
    line(indent + 1, "componentRef:");
    line(indent + 2, "name: " + levelId(block, level));
    if (fromRoot) {
      line(indent + 1, "dependentTasks:");
      line(indent + 1, "- t-0");
    }
    line(indent + 1, "inputs:");
    line(indent + 2, "parameters:");
    line(indent + 3, SEED + ":");
    if (fromRoot) {
      line(indent + 4, "taskOutputParameter:");
      line(indent + 5, "outputParameterKey: Output");
      line(indent + 5, "producerTask: t-0");
    } else {
      line(indent + 4, "componentInputParameter: " + SEED);
    }
    Kind kind = kind(level);
    if (kind == Kind.LOOP) {
      line(indent + 1, "parameterIterator:");
      line(indent + 2, "itemInput: " + loopItem(level));
      line(indent + 2, "items:");
      line(indent + 3, "raw: '[1, 2]'");
    }
    line(indent + 1, "taskInfo:");
    line(indent + 2, "name: " + id);
    if (kind == Kind.CONDITION) {
      line(indent + 1, "triggerPolicy:");
      line(indent + 2, "condition: inputs.parameter_values['" + SEED + "'] == 'go'");
    }
    tasks++;
  }

  private void caching(int indent) {
    line(indent, "cachingOptions:");
    line(indent + 1, "enableCache: true");
  }

  private enum Kind { CONDITION, LOOP, SUB_PIPELINE }

  /** Levels cycle through a condition, a loop and a plain nested pipeline. */
  private static Kind kind(int level) {
    return Kind.values()[(level - 1) % 3];
  }

  private static String levelId(int block, int level) {
    String prefix = switch (kind(level)) {
      case CONDITION -> "comp-condition-";
      case LOOP -> "comp-for-loop-";
      case SUB_PIPELINE -> "comp-inner-pipeline-";
    };
    return prefix + block + "-" + level;
  }

  private static String loopItem(int level) {
    return "pipelinechannel--loop-item-param-" + level;
  }

  private void line(int indent, String text) {
    for (int i = 0; i < indent; i++) {
      out.append("  ");
    }
    out.append(text).append('\n');
  }
}
