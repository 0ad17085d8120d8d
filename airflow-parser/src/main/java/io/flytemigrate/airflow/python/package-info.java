/**
 * The Python front end: tree-sitter parses the text and one cursor pass copies the tree into
 * plain {@link io.flytemigrate.airflow.python.PyNode} records with character positions. Nothing
 * here evaluates or executes the code; after {@link io.flytemigrate.airflow.python.PythonParser}
 * returns, no native object is alive.
 */
package io.flytemigrate.airflow.python;
