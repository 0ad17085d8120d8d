/**
 * The pieces of the KFP v2 PipelineSpec reader: placeholders, conditions, Python components and
 * Kubernetes platform settings. {@link io.flytemigrate.kfp.KfpV2Reader} is the entry point.
 */
package io.flytemigrate.kfp.v2;
