/**
 * A small document tree (maps, sequences, scalars) with a span on every node, built from YAML by
 * SnakeYAML or from JSON by Jackson, so the PipelineSpec mapping is written once for both.
 */
package io.flytemigrate.kfp.tree;
