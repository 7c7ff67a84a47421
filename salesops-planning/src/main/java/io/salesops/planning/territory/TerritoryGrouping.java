package io.salesops.planning.territory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which rule group (territory) each account and rep belongs to; accounts are aligned only to reps of their
 * group, and each group is balanced on its own. Made by {@link TerritoryRules#group(AccountBook)} or
 * {@link #single(AccountBook)}. Immutable and thread-safe.
 *
 * @param accountGroup account id to group; accounts no rule matched are left out
 * @param repGroup     rep id to group; reps in no group are left out
 * @param unassigned   accounts no rule matched (or whose territory has no reps), with the reason, in book order
 * @param overlaps     accounts that matched more than one territory (match mode all), naming the others
 */
public record TerritoryGrouping(Map<String, String> accountGroup, Map<String, String> repGroup, List<String> unassigned,
                                List<String> overlaps) {

    /** The group every account and rep is in when there are no rules. */
    public static final String ALL = "all";

    /**
     * Copies the fields.
     *
     * @param accountGroup account id to group; accounts no rule matched are left out
     * @param repGroup     rep id to group; reps in no group are left out
     * @param unassigned   accounts no rule matched (or whose territory has no reps), with the reason, in book order
     * @param overlaps     accounts that matched more than one territory (match mode all), naming the others
     */
    public TerritoryGrouping {
        accountGroup = Collections.unmodifiableMap(new LinkedHashMap<>(accountGroup));
        repGroup = Collections.unmodifiableMap(new LinkedHashMap<>(repGroup));
        unassigned = List.copyOf(unassigned);
        overlaps = List.copyOf(overlaps);
    }

    /**
     * @param book the accounts and reps, not null
     * @return one group, {@link #ALL}, holding every account and rep
     */
    public static TerritoryGrouping single(AccountBook book) {
        Map<String, String> a = new LinkedHashMap<>();
        book.accounts().forEach(x -> a.put(x.id(), ALL));
        Map<String, String> r = new LinkedHashMap<>();
        book.reps().forEach(x -> r.put(x.id(), ALL));
        return new TerritoryGrouping(a, r, List.of(), List.of());
    }
}
