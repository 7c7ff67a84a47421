package io.salesops.comp.plan;

/** Who receives a credit that a component selects. */
public enum CreditTarget {
    /** The owner, or the split payees when the credit is split. */
    OWNER,
    /** The managers above each owner or split payee (for overrides), up to {@link Crediting#levels()} levels. */
    MANAGERS,
    /** Every rep on the owner's team, each with the full amount (team or pooled credit). */
    TEAM
}
