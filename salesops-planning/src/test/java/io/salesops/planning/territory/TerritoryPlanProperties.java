package io.salesops.planning.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Invariants of territory plans on generated account books (clustered cities, log-normal potential, an
 * unbalanced nearest-rep current assignment), over many seeds and sizes.
 */
class TerritoryPlanProperties {

    private static final AlignmentSettings SETTINGS = AlignmentSettings.defaults();

    @Property(tries = 12)
    void everyAccountIsAssignedExactlyOnceToAKnownRep(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                      @ForAll @IntRange(min = 50, max = 400) int accounts,
                                                      @ForAll @IntRange(min = 2, max = 9) int reps,
                                                      @ForAll @DoubleRange(min = 0.2, max = 1.6) double skew) {
        AccountBook book = AccountBooks.generate(seed, accounts, reps, skew);
        TerritoryPlan plan = TerritoryPlan.of(book, TerritoryGrouping.single(book), SETTINGS.withSeed(seed));
        List<String> ids = plan.assignments().stream().map(Assignment::account).toList();
        assertThat(ids).containsExactlyElementsOf(book.accounts().stream().map(Account::id).toList());
        assertThat(new HashSet<>(ids)).hasSize(accounts);
        plan.assignments().forEach(a -> assertThat(book.rep(a.rep())).isNotNull());
        assertThat(plan.report().coverageProblems()).isEmpty();
    }

    @Property(tries = 12)
    void pinnedAccountsNeverMove(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                 @ForAll @IntRange(min = 50, max = 300) int accounts,
                                 @ForAll @IntRange(min = 2, max = 8) int reps,
                                 @ForAll @IntRange(min = 0, max = 60) int pinnedPercent) {
        AccountBook generated = AccountBooks.generate(seed, accounts, reps, 1.0);
        Random rnd = new Random(seed);
        Set<String> pinned = new LinkedHashSet<>();
        for (Account a : generated.accounts()) {
            if (rnd.nextInt(100) < pinnedPercent) {
                pinned.add(a.id());
            }
        }
        AccountBook book = generated.withCurrent(generated.current(), pinned);
        for (AlignmentMethod method : AlignmentMethod.values()) {
            TerritoryPlan plan = TerritoryPlan.of(book, TerritoryGrouping.single(book), SETTINGS.withMethod(method));
            Map<String, String> result = plan.asMap();
            for (String a : pinned) {
                assertThat(result.get(a)).as(method + " " + a).isEqualTo(book.current().get(a));
            }
        }
    }

    @Property(tries = 12)
    void checkOnThePlansOutputReportsWhatThePlanClaimed(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                        @ForAll @IntRange(min = 30, max = 300) int accounts,
                                                        @ForAll @IntRange(min = 2, max = 8) int reps,
                                                        @ForAll @IntRange(min = 1, max = 15) int tolerance,
                                                        @ForAll @IntRange(min = 0, max = 40) int maxMoves) {
        AccountBook book = AccountBooks.generate(seed, accounts, reps, 1.2);
        AlignmentSettings settings = SETTINGS.withTolerancePercent(BigDecimal.valueOf(tolerance))
                .withMaxMoveShare(BigDecimal.valueOf(maxMoves, 2)).withSeed(seed);
        TerritoryPlan plan = TerritoryPlan.of(book, TerritoryGrouping.single(book), settings);
        // What `territory check` sees: the CSV's account, rep and previous_rep columns.
        Map<String, String> written = new HashMap<>();
        Map<String, String> previous = new HashMap<>();
        for (Assignment a : plan.assignments()) {
            written.put(a.account(), a.rep());
            if (a.previousRep() != null) {
                previous.put(a.account(), a.previousRep());
            }
        }
        BalanceReport checked = BalanceReport.of(AccountBook.of(book.accounts(), book.reps()), written, previous,
                Map.of(), settings);
        BalanceReport claimed = plan.report();
        assertThat(checked.meetsConstraints()).isEqualTo(claimed.meetsConstraints());
        assertThat(checked.moves()).isEqualTo(claimed.moves());
        assertThat(checked.reps()).isEqualTo(claimed.reps());
        assertThat(checked.bindingConstraints()).isEqualTo(claimed.bindingConstraints());
        for (Measure m : Measure.values()) {
            assertThat(checked.balance(m)).isEqualTo(claimed.balance(m));
        }
    }

    @Property(tries = 50)
    void rulesAreOrderStable(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        AccountBook book = AccountBooks.generate(seed, 120, 4, 1.0);
        List<TerritoryRules.Rule> rules = List.of(
                new TerritoryRules.Rule(RuleConditions.parse("segment = Enterprise and country in [DE, AT, CH]"), "DACH-ENT"),
                new TerritoryRules.Rule(RuleConditions.parse("segment = Enterprise and not country in [DE, AT, CH]"), "ENT"),
                new TerritoryRules.Rule(RuleConditions.parse("segment in [Mid-Market, SMB] and potential >= 20000"), "GROWTH"),
                new TerritoryRules.Rule(RuleConditions.parse("segment in [Mid-Market, SMB] and potential < 20000"), "VOLUME"));
        List<TerritoryRules.Rule> shuffled = new ArrayList<>(rules);
        Collections.shuffle(shuffled, new Random(seed));
        List<TerritoryRules.Rule> overlapping = new ArrayList<>(rules);
        overlapping.add(new TerritoryRules.Rule(RuleConditions.parse("country = DE"), "GERMANY"));
        List<TerritoryRules.Rule> overlappingShuffled = new ArrayList<>(overlapping);
        Collections.shuffle(overlappingShuffled, new Random(seed + 1));
        // The rules are disjoint, so with first match the order of the rules cannot matter either.
        Map<String, List<String>> seats = Map.of("DACH-ENT", List.of("R000"), "ENT", List.of("R001"),
                "GROWTH", List.of("R002"), "VOLUME", List.of("R003"));
        TerritoryRules first = TerritoryRules.of(TerritoryRules.MatchMode.FIRST, rules, seats, Map.of());
        TerritoryRules firstShuffled = TerritoryRules.of(TerritoryRules.MatchMode.FIRST, shuffled, Map.of(), Map.of());
        TerritoryRules all = TerritoryRules.of(TerritoryRules.MatchMode.ALL, overlapping, Map.of(), Map.of());
        TerritoryRules allShuffled = TerritoryRules.of(TerritoryRules.MatchMode.ALL, overlappingShuffled, Map.of(), Map.of());
        List<Account> reversed = new ArrayList<>(book.accounts());
        Collections.reverse(reversed);
        for (Account a : reversed) {
            assertThat(firstShuffled.territoriesOf(a)).isEqualTo(first.territoriesOf(a));
            assertThat(first.territoriesOf(a)).hasSize(1);
            assertThat(new HashSet<>(allShuffled.territoriesOf(a))).isEqualTo(new HashSet<>(all.territoriesOf(a)));
        }
        // Grouping does not depend on the order of the accounts in the book.
        AccountBook reordered = AccountBook.of(reversed, book.reps());
        Map<String, String> grouped = first.group(book).accountGroup();
        assertThat(grouped).hasSize(book.accounts().size());
        assertThat(first.group(reordered).accountGroup()).isEqualTo(grouped);
    }
}
