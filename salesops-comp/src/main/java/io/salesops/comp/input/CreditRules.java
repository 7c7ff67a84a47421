package io.salesops.comp.input;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How won opportunities become credits ({@link Credits#fromWon}): each won deal credits its owner in full on its
 * close date, with its type, product and every other CRM field as an attribute; {@link #withType} renames a CRM type
 * to the plan's word for it (a CRM's {@code expansion} is a plan's {@code upsell}).
 *
 * <p>Immutable and thread-safe: every {@code with} method returns a copy.
 */
public final class CreditRules {
    private static final CreditRules STANDARD = new CreditRules(Map.of());

    private final Map<String, String> typeNames;

    private CreditRules(Map<String, String> typeNames) {
        this.typeNames = Map.copyOf(typeNames);
    }

    /**
     * The standard rules: owner credited 100% on the close date, types as in the CRM.
     *
     * @return the standard rules
     */
    public static CreditRules standard() {
        return STANDARD;
    }

    /**
     * A copy that gives credits from deals of CRM type {@code crmType} the type {@code planType}.
     *
     * @param crmType  the type as the CRM records it, e.g. {@code expansion}
     * @param planType the type as the plan's conditions name it, e.g. {@code upsell}
     * @return a copy with the renaming added
     * @throws IllegalArgumentException if a type is blank or {@code crmType} is renamed already
     */
    public CreditRules withType(String crmType, String planType) {
        if (crmType == null || crmType.isBlank() || planType == null || planType.isBlank()) {
            throw new IllegalArgumentException("a type renaming needs two non-blank types, got \"" + crmType
                    + "\" -> \"" + planType + "\"");
        }
        if (typeNames.containsKey(crmType.strip())) {
            throw new IllegalArgumentException("CRM type \"" + crmType + "\" is renamed twice: to \""
                    + typeNames.get(crmType.strip()) + "\" and to \"" + planType + "\"");
        }
        Map<String, String> next = new HashMap<>(typeNames);
        next.put(crmType.strip(), planType.strip());
        return new CreditRules(next);
    }

    /**
     * The plan type for a CRM type.
     *
     * @param crmType the type as the CRM records it, not null
     * @return the renamed type, or {@code crmType} itself if it is not renamed
     */
    public String type(String crmType) {
        Objects.requireNonNull(crmType, "crmType");
        return typeNames.getOrDefault(crmType, crmType);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CreditRules r && r.typeNames.equals(typeNames);
    }

    @Override
    public int hashCode() {
        return typeNames.hashCode();
    }

    /** @return the renamings, e.g. {@code CreditRules[expansion->upsell]} */
    @Override
    public String toString() {
        return "CreditRules" + new java.util.TreeMap<>(typeNames).toString().replace('{', '[').replace('}', ']').replace("=", "->");
    }
}
