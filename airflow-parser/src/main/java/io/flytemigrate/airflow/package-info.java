/**
 * Readers for Apache Airflow: {@link io.flytemigrate.airflow.AirflowReader} reads DAG files
 * (Python, parsed with tree-sitter and evaluated statically, never executed) and
 * {@link io.flytemigrate.airflow.AirflowSerializedReader} reads serialized-DAG JSON; both give
 * the IR through the same mapper. No IO: the caller hands in the text.
 */
package io.flytemigrate.airflow;
