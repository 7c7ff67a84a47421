/**
 * CSV import of CRM exports: opportunities (with stage history), quotas, the org chart, exchange rates and
 * transactions. Each reader is made by a builder ({@code OpportunityCsvReader.builder()}), maps columns through
 * a {@link io.salesops.io.ColumnMapping} (Salesforce, HubSpot, or your own), and returns an
 * {@link io.salesops.io.ImportResult} whose problems are located by file, line and column
 * ({@link io.salesops.io.ImportProblem}). In strict mode the first problem throws a
 * {@link io.salesops.io.CsvImportException}; in lenient mode good rows are kept and every bad one is reported,
 * never dropped silently. Readers are immutable and may be shared between threads.
 */
package io.salesops.io;
