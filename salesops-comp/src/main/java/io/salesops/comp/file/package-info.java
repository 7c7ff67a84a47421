/**
 * Commission plans as YAML or JSON files: {@link io.salesops.comp.file.PlanFiles} reads a plan (reporting every
 * problem at once with its line, column and JSON path, {@link io.salesops.comp.file.PlanFileProblem}) and writes
 * one back; {@link io.salesops.comp.file.CompInputs} turns credit and exchange-rate rows read by salesops-io into
 * the engine's inputs; {@link io.salesops.comp.file.Ledger} keeps the state between periods on disk, one
 * crash-safe, checksummed journal entry per committed period, so no period is paid twice.
 */
package io.salesops.comp.file;
