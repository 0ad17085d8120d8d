/**
 * Writes the Flyte model as the flytekit project a Flyte user would have written: a package with a
 * shared tasks module, one module per pipeline workflow, the original KFP function sources where
 * a task must call them whole, and a small documented compat module only when needed. Output is
 * deterministic text built with an internal source builder that owns indentation and quoting.
 *
 * <p>No IO here: the writer returns {@link io.flytemigrate.ir.spi.OutputFile}s.
 */
package io.flytemigrate.flyte.python;
