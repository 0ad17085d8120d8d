package io.flytemigrate.flyte.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a task runs, as far as the Python writer must know it. The package writer needs only
 * {@link TaskDef#kind()}, the container and the {@link PythonRef}.
 */
public sealed interface TaskBody {

  /** A raw container: everything is in {@link TaskDef#container()}. */
  record ContainerCommand() implements TaskBody {}

  /**
   * A native Python task whose code is the source component's function, unchanged.
   *
   * @param functionName the function's name in the source program
   * @param preamble the program's top-level lines before the function (imports), verbatim
   * @param definition the function's {@code def} line(s) and body, verbatim, as found by a
   *     layout-based line scan (see {@code io.flytemigrate.flyte.lower.FunctionSource})
   * @param signatureLines how many leading lines of {@code definition} form the signature (the
   *     {@code def} line up to its closing {@code :}); the rest is the body
   * @param style how the task calls that function
   */
  record PythonFunction(String functionName, String preamble, String definition, int signatureLines, Style style)
      implements TaskBody {
    public PythonFunction {
      Objects.requireNonNull(functionName, "functionName");
      Objects.requireNonNull(preamble, "preamble");
      Objects.requireNonNull(definition, "definition");
      Objects.requireNonNull(style, "style");
      if (signatureLines < 1) {
        throw new IllegalArgumentException("a function has at least one signature line");
      }
    }

    /** How the generated task relates to the original function. */
    public enum Style {
      /**
       * The task is the function itself: its signature is derived from the interface and its body
       * is the original body, unchanged (parameters only, plain return values).
       */
      DIRECT,
      /**
       * The original function is kept whole (signature included) and a typed task calls it
       * through the project's compat module, which passes artifacts as objects with
       * {@code .path}/{@code .uri}/{@code .metadata}, output paths as files and the final status,
       * the way the source system's executor did.
       */
      ADAPTED
    }
  }

  /**
   * A {@code @dynamic} task that runs a loop body workflow once per item and collects its
   * outputs: the body stays a static, registrable workflow.
   *
   * @param itemsInput the task input holding the list iterated over
   * @param body the loop body workflow
   * @param arguments how each body input is filled per iteration, in body input order
   * @param collected body outputs gathered into one list each, in task output order
   */
  record DynamicLoop(String itemsInput, Identifier body, List<LoopArgument> arguments, List<Collected> collected)
      implements TaskBody {
    public DynamicLoop {
      Objects.requireNonNull(itemsInput, "itemsInput");
      Objects.requireNonNull(body, "body");
      arguments = List.copyOf(arguments);
      collected = List.copyOf(collected);
    }
  }

  /** One body input of a {@link DynamicLoop} and where its value comes from in each iteration. */
  record LoopArgument(String bodyInput, LoopValue value) {
    public LoopArgument {
      Objects.requireNonNull(bodyInput, "bodyInput");
      Objects.requireNonNull(value, "value");
    }
  }

  /** The value of a loop body input in one iteration. */
  sealed interface LoopValue {
    /** The current item. */
    record Item() implements LoopValue {}

    /** A field of the current item (a JSON object), e.g. {@code item["a"]}. */
    record ItemField(List<String> path) implements LoopValue {
      public ItemField {
        path = List.copyOf(path);
      }
    }

    /**
     * The JSON text of the current item ({@code path} empty) or of a field of it, for an input
     * that takes text: {@code json.dumps(item["a"])}.
     */
    record ItemJson(List<String> path) implements LoopValue {
      public ItemJson {
        path = List.copyOf(path);
      }
    }

    /** The same value in every iteration: this input of the dynamic task. */
    record Passed(String taskInput) implements LoopValue {
      public Passed {
        Objects.requireNonNull(taskInput, "taskInput");
      }
    }
  }

  /**
   * A dynamic task output that is the list of one body output over all iterations.
   *
   * @param flattenedBy when the body output is itself a list, the task that joins the lists into
   *     one (KFP collects the artifacts of nested loops into one flat list)
   */
  record Collected(String taskOutput, String bodyOutput, Optional<Identifier> flattenedBy) {
    public Collected {
      Objects.requireNonNull(taskOutput, "taskOutput");
      Objects.requireNonNull(bodyOutput, "bodyOutput");
      Objects.requireNonNull(flattenedBy, "flattenedBy");
    }

    /** The same output, joined by {@code task} (a reference with its version filled in, say). */
    public Collected withFlattenedBy(Optional<Identifier> task) {
      return new Collected(taskOutput, bodyOutput, task);
    }
  }

  /** flytekit's {@code Echo}: nothing runs. */
  record Echo() implements TaskBody {}
}
