package io.salesops.comp.file;

import io.salesops.core.period.Period;
import java.nio.file.Path;
import java.util.List;

/**
 * Commits one period to a ledger, for {@link LedgerCrashTest} to kill mid-commit in a child JVM.
 * Arguments: state directory, period, payee count, seed. Prints {@code COMMITTING} just before the commit
 * starts, {@code WRITING} before its first disk write, and {@code COMMITTED} when it has returned.
 */
public final class LedgerCommitMain {

    private LedgerCommitMain() {
    }

    /** @param args directory, period, payees, seed */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Period period = LedgerStates.CAL.parse(args[1]);
        int payees = Integer.parseInt(args[2]);
        long seed = Long.parseLong(args[3]);
        var state = LedgerStates.state(payees, seed, period);
        boolean[] writing = {false};
        try (Ledger ledger = Ledger.open(dir, step -> {
            if (!writing[0]) {
                writing[0] = true;
                System.out.println("WRITING"); // the entry is built; its bytes go to disk from here on
                System.out.flush();
            }
        })) {
            ledger.stateBefore(period, List.of());
            System.out.println("COMMITTING");
            System.out.flush();
            ledger.commit(period, state, List.of());
        }
        System.out.println("COMMITTED");
        System.out.flush();
    }
}
