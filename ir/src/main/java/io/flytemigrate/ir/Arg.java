package io.flytemigrate.ir;

import java.util.List;
import java.util.Objects;

/**
 * One piece of a command line or templated string, with the placeholders a runtime fills in. A
 * string with embedded placeholders is a {@link Concat} of literals and placeholders.
 */
public sealed interface Arg {

  /** What of an input or output a placeholder asks for. */
  enum Access {
    /** The value itself (parameters). */
    VALUE,
    /** A local path the runtime downloads to or uploads from. */
    PATH,
    /** The remote URI of an artifact. */
    URI,
    /** The artifact's metadata as JSON. */
    METADATA,
    /** The file a parameter output is written to. */
    OUTPUT_FILE,
    /** The artifact object as a whole (KFP passes it as JSON). */
    OBJECT
  }

  /** Plain text. */
  record Literal(String text) implements Arg {
    public Literal {
      Objects.requireNonNull(text, "text");
    }
  }

  /** An input of the component: its value, path, URI or metadata. */
  record InputRef(String input, Access access) implements Arg {
    public InputRef {
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(access, "access");
    }
  }

  /** An output of the component: where to write it. */
  record OutputRef(String output, Access access) implements Arg {
    public OutputRef {
      Objects.requireNonNull(output, "output");
      Objects.requireNonNull(access, "access");
    }
  }

  /** Pieces joined into one argument. */
  record Concat(List<Arg> parts) implements Arg {
    public Concat {
      parts = List.copyOf(parts);
    }
  }

  /** {@code then} if the optional input is given, else {@code otherwise}. */
  record IfPresent(String input, List<Arg> then, List<Arg> otherwise) implements Arg {
    public IfPresent {
      Objects.requireNonNull(input, "input");
      then = List.copyOf(then);
      otherwise = List.copyOf(otherwise);
    }
  }

  /** A value the runtime provides: executor input JSON, job name, task name, and so on. */
  record RuntimeValue(String name) implements Arg {
    public RuntimeValue {
      Objects.requireNonNull(name, "name");
    }
  }

  /** A placeholder the reader did not recognise, kept as written (a diagnostic says so). */
  record UnknownPlaceholder(String text) implements Arg {
    public UnknownPlaceholder {
      Objects.requireNonNull(text, "text");
    }
  }
}
