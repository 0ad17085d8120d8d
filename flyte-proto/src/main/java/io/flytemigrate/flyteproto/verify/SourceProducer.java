package io.flytemigrate.flyteproto.verify;

import io.flytemigrate.ir.Value;

/** Where a value in the source pipeline ultimately comes from, found by {@link SourceTrace}. */
sealed interface SourceProducer {
  /** An output of the source node with this key. */
  record NodeOutput(String key, String output) implements SourceProducer {}

  /** A pipeline parameter. */
  record Parameter(String name) implements SourceProducer {}

  /** A literal value. */
  record Constant(Value value) implements SourceProducer {}

  /** An importer task's artifact, which Flyte has as a file input or a static file, not a node. */
  record Imported(String key, String name, java.util.Optional<String> uri) implements SourceProducer {}

  /** A value the verifier cannot follow (a template string, a final status, an unresolved reference). */
  record Opaque(String what) implements SourceProducer {}
}
