package io.salesops.forecast.timeseries;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An ETS model form: error additive or multiplicative, trend (0 none, 1 additive, 2 additive damped), season (0 none,
 * 1 additive, 2 multiplicative), with its code ({@code AAdN}), the number of its parameters and states, and whether
 * it needs a positive series. Immutable.
 */
record EtsForm(boolean multError, int trend, int season) {

    static final List<EtsForm> ALL = all();

    private static List<EtsForm> all() {
        List<EtsForm> list = new ArrayList<>();
        for (boolean me : new boolean[] {false, true}) {
            for (int s = 0; s <= 2; s++) {
                for (int t = 0; t <= 2; t++) {
                    list.add(new EtsForm(me, t, s));
                }
            }
        }
        return List.copyOf(list);
    }

    /** Parses {@code ANN}, {@code AAdN}, {@code MAM} and the like; null if not a form. */
    static EtsForm parse(String code) {
        String c = code.trim().toUpperCase(Locale.ROOT).replace(",", "").replace("ETS", "")
                .replace("(", "").replace(")", "");
        if (c.length() < 3 || c.length() > 4) {
            return null;
        }
        char e = c.charAt(0);
        String t = c.substring(1, c.length() - 1);
        char s = c.charAt(c.length() - 1);
        int trend = switch (t) {
            case "N" -> 0;
            case "A" -> 1;
            case "AD" -> 2;
            default -> -1;
        };
        int season = s == 'N' ? 0 : s == 'A' ? 1 : s == 'M' ? 2 : -1;
        if ((e != 'A' && e != 'M') || trend < 0 || season < 0) {
            return null;
        }
        return new EtsForm(e == 'M', trend, season);
    }

    String code() {
        return (multError ? "M" : "A") + (trend == 0 ? "N" : trend == 1 ? "A" : "Ad")
                + (season == 0 ? "N" : season == 1 ? "A" : "M");
    }

    String display() {
        return "ETS(" + (multError ? "M" : "A") + "," + (trend == 0 ? "N" : trend == 1 ? "A" : "Ad") + ","
                + (season == 0 ? "N" : season == 1 ? "A" : "M") + ")";
    }

    boolean needsPositive() {
        return multError || season == 2;
    }

    /** Additive error with multiplicative season is numerically unstable; R excludes it too. */
    boolean stable() {
        return !(season == 2 && !multError);
    }

    int smoothingCount() {
        return 1 + (trend > 0 ? 1 : 0) + (season > 0 ? 1 : 0) + (trend == 2 ? 1 : 0);
    }

    int stateCount(int m) {
        return 1 + (trend > 0 ? 1 : 0) + (season > 0 ? m - 1 : 0);
    }
}
