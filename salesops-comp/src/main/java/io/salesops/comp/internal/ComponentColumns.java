package io.salesops.comp.internal;

import io.salesops.comp.engine.ComponentState;
import io.salesops.core.money.Money;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Currency;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A payee's per-component year to date as the engine writes it into {@link io.salesops.comp.engine.PayeeState}:
 * component names in one array and four {@code long} values per component in another (measure, count, gross,
 * earned), so that the next period reads them without a {@link ComponentState} or a {@link Money} per value. It is
 * the immutable map of those states that {@link io.salesops.comp.engine.PayeeState#components()} returns; the
 * states are made when read. Immutable and thread-safe.
 */
public final class ComponentColumns extends AbstractMap<String, ComponentState> {

    private static final int FIELDS = 4;

    private final String[] names;
    private final long[] values;
    private final Currency currency;

    /** Collects one payee's components, then makes their map. Confined to the thread calculating the payee. */
    static final class Builder {
        private final String[] names;
        private final long[] values;
        private int n;

        /** @param capacity the most components that will be added */
        Builder(int capacity) {
            names = new String[capacity];
            values = new long[capacity * FIELDS];
        }

        void add(String name, long measure, long count, long gross, long earned) {
            names[n] = name;
            values[n * FIELDS] = measure;
            values[n * FIELDS + 1] = count;
            values[n * FIELDS + 2] = gross;
            values[n * FIELDS + 3] = earned;
            n++;
        }

        /**
         * Adds the components of {@code prior} not added yet, then makes the map.
         *
         * @return the columns; or, if a state of {@code prior} is in another currency (a state read back from
         *         elsewhere), an immutable copy of the states as they are
         */
        Map<String, ComponentState> addAbsent(Map<String, ComponentState> prior, Currency currency) {
            int added = n;
            for (Map.Entry<String, ComponentState> e : prior.entrySet()) {
                if (indexOf(names, added, e.getKey()) >= 0) {
                    continue;
                }
                ComponentState c = e.getValue();
                if (!c.ytdMeasure().currency().equals(currency) || !c.ytdGross().currency().equals(currency)
                        || !c.ytdEarned().currency().equals(currency)) {
                    return copyWith(prior, added, currency);
                }
                add(e.getKey(), c.ytdMeasure().minorUnits(), c.ytdCount(), c.ytdGross().minorUnits(),
                        c.ytdEarned().minorUnits());
            }
            return new ComponentColumns(n == names.length ? names : java.util.Arrays.copyOf(names, n),
                    n * FIELDS == values.length ? values : java.util.Arrays.copyOf(values, n * FIELDS), currency);
        }

        private Map<String, ComponentState> copyWith(Map<String, ComponentState> prior, int added, Currency currency) {
            ComponentColumns mine = new ComponentColumns(java.util.Arrays.copyOf(names, added),
                    java.util.Arrays.copyOf(values, added * FIELDS), currency);
            Map<String, ComponentState> all = new LinkedHashMap<>(mine);
            prior.forEach(all::putIfAbsent);
            return Map.copyOf(all);
        }
    }

    private ComponentColumns(String[] names, long[] values, Currency currency) {
        this.names = names;
        this.values = values;
        this.currency = currency;
    }

    /** @return the position of component {@code name}, or -1 */
    int indexOf(String name) {
        return indexOf(names, names.length, name);
    }

    private static int indexOf(String[] names, int n, String name) {
        for (int i = 0; i < n; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    long measure(int i) {
        return values[i * FIELDS];
    }

    long count(int i) {
        return values[i * FIELDS + 1];
    }

    long gross(int i) {
        return values[i * FIELDS + 2];
    }

    long earned(int i) {
        return values[i * FIELDS + 3];
    }

    private ComponentState state(int i) {
        return new ComponentState(Money.ofMinor(measure(i), currency), count(i), Money.ofMinor(gross(i), currency),
                Money.ofMinor(earned(i), currency));
    }

    @Override
    public ComponentState get(Object key) {
        int i = key instanceof String s ? indexOf(s) : -1;
        return i < 0 ? null : state(i);
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String s && indexOf(s) >= 0;
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public Set<Entry<String, ComponentState>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, ComponentState>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < names.length;
                    }

                    @Override
                    public Entry<String, ComponentState> next() {
                        if (next >= names.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return Map.entry(names[i], state(i));
                    }
                };
            }

            @Override
            public int size() {
                return names.length;
            }
        };
    }
}
