/**
 * Exact money: {@link io.salesops.core.money.Money} holds whole minor units in a {@code long} with its
 * {@link java.util.Currency}, never a {@code double}; every rounding names its {@link java.math.RoundingMode};
 * {@link io.salesops.core.money.Money#allocate(long...)} splits an amount so the parts always sum to the whole.
 * {@link io.salesops.core.money.Percent} is an exact rate. All types are immutable and thread-safe.
 */
package io.salesops.core.money;
