package io.salesops.forecast.pipeline;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The roll-up nodes of one forecast as a table: node 0 is the total, parents always come before their children,
 * and {@link #parent} is the parent index of each node (-1 for the total), so a roll-up is one backward scan.
 * By owner the table is fixed up front from the org (managers' own deals in a {@code <id> (own)} leaf); by
 * dimensions the nodes appear as the deals name their values. Mutable while a forecast runs; not thread-safe
 * while nodes are added (a pass by owner or without grouping only reads it).
 */
final class RollupTree {

    private final Org org;
    private final boolean byOwner;
    private final List<String> dimensions;

    private final List<String> group = new ArrayList<>();
    private final List<String> label = new ArrayList<>();
    private final List<String> kind = new ArrayList<>();
    private final List<String> repId = new ArrayList<>();
    private int[] parent = new int[16];
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> leafByOwner = new HashMap<>();

    RollupTree(Org org, boolean byOwner, List<String> dimensions) {
        this.org = org;
        this.byOwner = byOwner;
        this.dimensions = dimensions;
        addNode("Total", "Total", "total", null, -1);
        if (byOwner) {
            for (Rep r : org.roots()) {
                addRep(r, 0);
            }
        }
    }

    /** @return true if the nodes are known before the pass (by owner or no grouping), so chunks may run in parallel */
    boolean isFixed() {
        return dimensions.isEmpty();
    }

    int size() {
        return group.size();
    }

    /** @return the parent index of each node, -1 for the total; a copy of length {@link #size()} */
    int[] parents() {
        return Arrays.copyOf(parent, group.size());
    }

    String group(int node) {
        return group.get(node);
    }

    String label(int node) {
        return label.get(node);
    }

    String kind(int node) {
        return kind.get(node);
    }

    /** @return the rep whose quota the node carries, or null */
    String repId(int node) {
        return repId.get(node);
    }

    boolean has(String groupKey) {
        return index.containsKey(groupKey);
    }

    List<String> groups() {
        return List.copyOf(group);
    }

    /** @return each node's children in node order, or by group key when rolled up by dimensions */
    List<List<Integer>> children() {
        int n = group.size();
        List<List<Integer>> children = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            children.add(new ArrayList<>());
        }
        for (int i = 1; i < n; i++) {
            children.get(parent[i]).add(i);
        }
        if (!byOwner) {
            for (List<Integer> c : children) {
                c.sort(Comparator.comparing(group::get));
            }
        }
        return children;
    }

    private void addRep(Rep r, int parentNode) {
        int node = addNode(r.id(), r.name(), "rep", r.id(), parentNode);
        if (org.isLeaf(r.id())) {
            leafByOwner.put(r.id(), node);
            return;
        }
        for (Rep c : org.directReports(r.id())) {
            addRep(c, node);
        }
        leafByOwner.put(r.id(), addNode(r.id() + " (own)", r.name() + " (own deals)", "own", null, node));
    }

    private int addNode(String g, String l, String k, String rep, int parentNode) {
        int i = group.size();
        if (index.putIfAbsent(g, i) != null) {
            throw new IllegalArgumentException("two roll-up nodes would be called \"" + g + "\"");
        }
        group.add(g);
        label.add(l);
        kind.add(k);
        repId.add(rep);
        if (i == parent.length) {
            parent = Arrays.copyOf(parent, i * 2);
        }
        parent[i] = parentNode;
        return i;
    }

    /**
     * The leaf of each owner code of a table, so a pass by owner finds a deal's leaf with one array load.
     *
     * @return per owner code, the owner's leaf, or -1 if the owner is not in the org; null unless rolling up by owner
     */
    int[] ownerLeaves(List<String> owners) {
        if (!byOwner) {
            return null;
        }
        int[] leaves = new int[owners.size()];
        for (int i = 0; i < leaves.length; i++) {
            Integer leaf = leafByOwner.get(owners.get(i));
            leaves[i] = leaf == null ? -1 : leaf;
        }
        return leaves;
    }

    /** @return the leaf of an owner rolling up by owner, or null if the owner is not in the org */
    Integer ownerLeaf(String ownerId) {
        return leafByOwner.get(ownerId);
    }

    /**
     * The leaf node of a deal, created on first sight when rolling up by dimensions.
     *
     * @throws PipelineInputException if rolling up by owner and the owner is not in the org
     */
    int leafOf(Opportunity o) {
        if (byOwner) {
            Integer leaf = leafByOwner.get(o.ownerId());
            if (leaf == null) {
                throw new PipelineInputException(o.id(), "opportunity " + o.id() + " is owned by " + o.ownerId()
                        + ", who is not in the org");
            }
            return leaf;
        }
        if (dimensions.isEmpty()) {
            return 0;
        }
        int node = 0;
        String path = null;
        for (String d : dimensions) {
            String v = dimensionValue(o, d);
            path = path == null ? v : path + " / " + v;
            Integer i = index.get(path);
            if (i == null) {
                boolean owner = d.equalsIgnoreCase("owner") || d.equalsIgnoreCase("owner_id");
                String lbl = owner && org != null ? org.find(v).map(Rep::name).orElse(v) : v;
                i = addNode(path, lbl, d, owner ? v : null, node);
            }
            node = i;
        }
        return node;
    }

    private String dimensionValue(Opportunity o, String d) {
        Optional<String> v = o.field(d);
        if (v.isEmpty() && org != null) {
            String dl = d.toLowerCase(Locale.ROOT);
            if (dl.equals("team") || dl.equals("territory")) {
                v = org.find(o.ownerId()).map(r -> dl.equals("team") ? r.team() : r.territory());
            }
        }
        return v.filter(s -> !s.isBlank()).orElse("(none)");
    }
}
