package io.salesops.forecast.kpi;

import io.salesops.core.crm.OpportunityTable;
import io.salesops.core.crm.Stage;
import io.salesops.core.crm.StageModel;
import io.salesops.core.period.Period;
import java.util.List;
import java.util.Locale;

/**
 * What every KPI pass over a table needs of its window and stage model, worked out once per run: the window's
 * days and period ends as epoch days, and per stage code of the table its place among the open stages, its
 * case-folded name and whether the model closes it. Immutable after construction; not shared between runs.
 */
final class KpiWindow {

    final OpportunityTable table;
    final List<Period> periods;
    final StageModel stages;
    final int startDay;
    final int endDay;
    /** The last day of each period, as an epoch day. */
    private final int[] periodEnds;
    /** Per stage code, its index among the model's open stages (ignoring case), or -1. */
    final int[] openIndex;
    /** Per stage code, its name lower-cased ({@link Locale#ROOT}): the key stages are grouped by. */
    final String[] lowerName;
    /** Per stage code, whether the model knows it as a closing stage. */
    final boolean[] closedStage;

    KpiWindow(OpportunityTable table, List<Period> periods, StageModel stages) {
        this.table = table;
        this.periods = periods;
        this.stages = stages;
        this.startDay = (int) periods.get(0).start().toEpochDay();
        this.endDay = (int) periods.get(periods.size() - 1).end().toEpochDay();
        this.periodEnds = new int[periods.size()];
        for (int i = 0; i < periodEnds.length; i++) {
            periodEnds[i] = (int) periods.get(i).end().toEpochDay();
        }
        List<String> names = table.stages();
        List<Stage> open = stages.openStages();
        this.openIndex = new int[names.size()];
        this.lowerName = new String[names.size()];
        this.closedStage = new boolean[names.size()];
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c);
            openIndex[c] = -1;
            for (int i = 0; i < open.size(); i++) {
                if (open.get(i).name().equalsIgnoreCase(name)) {
                    openIndex[c] = i;
                    break;
                }
            }
            lowerName[c] = name.toLowerCase(Locale.ROOT);
            closedStage[c] = stages.find(name).map(Stage::isClosed).orElse(false);
        }
    }

    /** Index of the window period holding {@code day}; the day must lie inside the window. */
    int periodIndex(int day) {
        int i = 0;
        while (i < periodEnds.length - 1 && periodEnds[i] < day) {
            i++;
        }
        return i;
    }

    /** @return whether stage codes {@code a} and {@code b} name the same stage ignoring case */
    boolean sameStage(int a, int b) {
        return a == b || table.stages().get(a).equalsIgnoreCase(table.stages().get(b));
    }

    /** @return the name of stage code {@code c} as the table holds it */
    String stageName(int c) {
        return table.stages().get(c);
    }
}
