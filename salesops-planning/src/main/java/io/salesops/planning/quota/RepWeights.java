package io.salesops.planning.quota;

import io.salesops.core.money.Money;
import io.salesops.core.org.Rep;
import io.salesops.core.period.Period;
import io.salesops.core.period.PeriodKind;
import io.salesops.core.problem.SalesopsInputException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each leaf rep's share of the company under a {@link MethodMix}, with the text that says how it was found.
 * Reps a method has no usable figure for get the median of their team (siblings under the same manager), else
 * of the company, and the text says which. Stateless.
 */
final class RepWeights {

    static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);
    /** Fewer months in role than this in the history year make an annualised rate too noisy to use. */
    private static final BigDecimal MIN_HISTORY_MONTHS = BigDecimal.valueOf(3);

    /** A leaf's share of the company (all shares sum to one) and how it was found. */
    record Share(BigDecimal share, String explanation, boolean fallback) {
    }

    private RepWeights() {
    }

    static Map<String, Share> shares(MethodMix mix, QuotaInputs in, List<Rep> leaves) {
        Map<QuotaMethod, Map<String, Share>> byMethod = new EnumMap<>(QuotaMethod.class);
        for (QuotaMethod m : mix.weights().keySet()) {
            byMethod.put(m, sharesOf(m, in, leaves));
        }
        if (byMethod.size() == 1) {
            return byMethod.values().iterator().next();
        }
        BigDecimal total = mix.weights().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, Share> out = new LinkedHashMap<>();
        for (Rep r : leaves) {
            BigDecimal s = BigDecimal.ZERO;
            List<String> parts = new ArrayList<>();
            boolean fallback = false;
            for (Map.Entry<QuotaMethod, BigDecimal> e : mix.weights().entrySet()) {
                Share part = byMethod.get(e.getKey()).get(r.id());
                BigDecimal w = e.getValue().divide(total, MC);
                s = s.add(w.multiply(part.share(), MC), MC);
                parts.add(percent(w) + " x " + part.explanation());
                fallback |= part.fallback();
            }
            out.put(r.id(), new Share(s, "blend of " + String.join(" + ", parts) + " = " + percent(s)
                    + " of the company", fallback));
        }
        return out;
    }

    private static Map<String, Share> sharesOf(QuotaMethod method, QuotaInputs in, List<Rep> leaves) {
        Map<String, BigDecimal> raw = new LinkedHashMap<>();
        Map<String, String> text = new HashMap<>();
        List<Period> window = method == QuotaMethod.HISTORICAL ? in.historyMonths() : null;
        Map<String, List<Bookings>> history = method == QuotaMethod.HISTORICAL ? in.historyByRep() : Map.of();
        Map<String, Integer> perTerritory = new HashMap<>();
        for (Rep r : leaves) {
            if (r.territory() != null) {
                perTerritory.merge(r.territory(), 1, Integer::sum);
            }
        }
        for (Rep r : leaves) {
            switch (method) {
                case EQUAL -> {
                    raw.put(r.id(), BigDecimal.ONE);
                    text.put(r.id(), "equal: one share per rep");
                }
                case HISTORICAL -> historical(r, window, history.getOrDefault(r.id(), List.of()), in, raw, text);
                case POTENTIAL -> potential(r, in, perTerritory, raw, text);
                case FORECAST -> {
                    Money f = in.forecast().get(r.id());
                    if (f == null || !f.isPositive()) {
                        text.put(r.id(), f == null ? "no forecast" : "forecast " + f + " is not positive");
                    } else {
                        raw.put(r.id(), f.amount());
                        text.put(r.id(), "forecast " + f);
                    }
                }
                default -> throw new IllegalStateException("unknown method " + method);
            }
        }
        if (raw.isEmpty()) {
            throw SalesopsInputException.of("method " + method.label() + " has no usable figure for any of the "
                    + leaves.size() + " reps" + (method == QuotaMethod.HISTORICAL
                    ? " (no positive bookings in " + QuotaInputs.label(window) + " with at least 3 months in role)" : "")
                    + "; give the " + input(method) + " or choose another method");
        }
        Map<String, BigDecimal> teamMedian = new HashMap<>();
        Map<String, List<BigDecimal>> byTeam = new HashMap<>();
        for (Rep r : leaves) {
            BigDecimal w = raw.get(r.id());
            if (w != null) {
                byTeam.computeIfAbsent(String.valueOf(r.managerId()), k -> new ArrayList<>()).add(w);
            }
        }
        byTeam.forEach((k, v) -> teamMedian.put(k, median(v)));
        BigDecimal companyMedian = median(new ArrayList<>(raw.values()));
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        Map<String, Boolean> fallback = new HashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Rep r : leaves) {
            BigDecimal w = raw.get(r.id());
            if (w == null) {
                String team = String.valueOf(r.managerId());
                BigDecimal tm = teamMedian.get(team);
                if (tm != null) {
                    w = tm;
                    text.put(r.id(), text.get(r.id()) + "; fallback: median of the team under " + team + " ("
                            + amount(tm) + ")");
                } else {
                    w = companyMedian;
                    text.put(r.id(), text.get(r.id()) + "; fallback: company median (" + amount(w) + ")");
                }
                fallback.put(r.id(), true);
            }
            weights.put(r.id(), w);
            total = total.add(w, MC);
        }
        Map<String, Share> out = new LinkedHashMap<>();
        for (Rep r : leaves) {
            BigDecimal s = weights.get(r.id()).divide(total, MC);
            out.put(r.id(), new Share(s, method.label() + ": " + text.get(r.id()) + " = " + percent(s)
                    + " of the company", fallback.getOrDefault(r.id(), false)));
        }
        return out;
    }

    private static void historical(Rep r, List<Period> window, List<Bookings> rows, QuotaInputs in,
                                   Map<String, BigDecimal> raw, Map<String, String> text) {
        String label = QuotaInputs.label(window);
        java.time.LocalDate from = window.get(0).start();
        java.time.LocalDate to = window.get(window.size() - 1).end();
        BigDecimal sum = BigDecimal.ZERO;
        int n = 0;
        for (Bookings b : rows) {
            Period p = b.period();
            if (p.end().isBefore(from) || p.start().isAfter(to)) {
                continue;
            }
            n++;
            int inside = p.daysBetween(from, to);
            // A row that straddles the window's edge (a quarter row, a window of trailing months) counts for
            // the part of its days inside.
            sum = sum.add(inside == p.days() ? b.amount().amount()
                    : b.amount().amount().multiply(BigDecimal.valueOf(inside)).divide(BigDecimal.valueOf(p.days()), MC), MC);
        }
        if (n == 0) {
            text.put(r.id(), "no bookings in " + label);
            return;
        }
        Money booked = Money.of(sum, in.currency(), java.math.RoundingMode.HALF_EVEN);
        BigDecimal months = BigDecimal.ZERO;
        for (Period m : window) {
            months = months.add(inRole(r, m), MC);
        }
        String monthsText = months.setScale(1, java.math.RoundingMode.HALF_EVEN).toPlainString();
        if (sum.signum() <= 0) {
            text.put(r.id(), "booked " + booked + " in " + label + ", not a usable share");
        } else if (months.compareTo(MIN_HISTORY_MONTHS) < 0) {
            text.put(r.id(), "booked " + booked + " in " + label + " in only " + monthsText + " months in role");
        } else {
            BigDecimal annual = sum.multiply(TWELVE, MC).divide(months, MC);
            raw.put(r.id(), annual);
            text.put(r.id(), "booked " + booked + " in " + label + " over " + monthsText + " months in role, "
                    + "annualised " + amount(annual));
        }
    }

    private static void potential(Rep r, QuotaInputs in, Map<String, Integer> perTerritory,
                                  Map<String, BigDecimal> raw, Map<String, String> text) {
        Money p = in.potentialByRep().get(r.id());
        if (p != null) {
            if (p.isPositive()) {
                raw.put(r.id(), p.amount());
                text.put(r.id(), "potential " + p + " given for the rep");
            } else {
                text.put(r.id(), "potential " + p + " is not positive");
            }
            return;
        }
        Money t = r.territory() == null ? null : in.potentialByTerritory().get(r.territory());
        if (t == null) {
            text.put(r.id(), r.territory() == null ? "no territory" : "no potential for territory " + r.territory());
        } else if (!t.isPositive()) {
            text.put(r.id(), "potential " + t + " of territory " + r.territory() + " is not positive");
        } else {
            int k = perTerritory.get(r.territory());
            raw.put(r.id(), t.amount().divide(BigDecimal.valueOf(k), MC));
            text.put(r.id(), "territory " + r.territory() + " potential " + t + (k == 1 ? "" : " shared by " + k + " reps"));
        }
    }

    /** @return the fraction of month {@code m} the rep is in role (start and end dates inclusive) */
    static BigDecimal inRole(Rep r, Period m) {
        int days = m.daysBetween(r.startDate() == null ? m.start() : r.startDate(),
                r.endDate() == null ? m.end() : r.endDate());
        return days == m.days() ? BigDecimal.ONE : BigDecimal.valueOf(days).divide(BigDecimal.valueOf(m.days()), MC);
    }

    private static String input(QuotaMethod m) {
        return switch (m) {
            case HISTORICAL -> "bookings history";
            case POTENTIAL -> "territory potential";
            case FORECAST -> "forecast";
            case EQUAL -> "org";
        };
    }

    static BigDecimal median(List<BigDecimal> values) {
        List<BigDecimal> v = new ArrayList<>(values);
        v.sort(null);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : v.get(n / 2 - 1).add(v.get(n / 2)).divide(BigDecimal.valueOf(2), MC);
    }

    static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString() + "%";
    }

    private static String amount(BigDecimal v) {
        return v.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }
}
