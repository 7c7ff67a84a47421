package io.salesops.examples.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.OpportunityStatus;
import io.salesops.core.crm.Quota;
import io.salesops.core.crm.StageChange;
import io.salesops.core.crm.StageModel;
import io.salesops.core.money.Money;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import io.salesops.core.period.Period;
import io.salesops.core.period.PeriodKind;
import io.salesops.examples.sample.SampleCompany.Role;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCompanyTest {

    private static final SampleCompany C = SampleCompany.get();
    private static final StageModel MODEL = StageModel.defaultModel();

    @Test
    void org_hasAbout40PeopleInThreeLevels() {
        Org org = C.org();
        assertThat(org.size()).isBetween(38, 46);
        assertThat(org.roots()).extracting(Rep::id).containsExactly("dwhitfield");
        assertThat(C.reps(Role.VP)).hasSize(1);
        assertThat(C.reps(Role.DIRECTOR)).hasSizeBetween(3, 4)
                .allSatisfy(d -> assertThat(d.managerId()).isEqualTo("dwhitfield"));
        for (Rep r : org.reps()) {
            int expectedDepth = switch (C.role(r.id())) {
                case VP -> 0;
                case DIRECTOR -> 1;
                case AE, SDR -> 2;
            };
            assertThat(org.depth(r.id())).as(r.id()).isEqualTo(expectedDepth);
            assertThat(r.team()).as("team of " + r.id()).isNotNull();
            assertThat(org.team(r.team())).as("team " + r.team()).isPresent();
            assertThat(org.territory(r.territory())).as("territory " + r.territory()).isPresent();
            assertThat(r.startDate()).as("start of " + r.id()).isNotNull();
        }
        assertThat(C.reps(Role.AE).size() + C.reps(Role.SDR).size()).isBetween(33, 40);
    }

    @Test
    void org_hasLeaversAndNewHires() {
        assertThat(C.reps(Role.AE)).anySatisfy(r -> assertThat(r.endDate()).isNotNull());
        assertThat(C.reps(Role.AE)).filteredOn(r -> r.startDate().isAfter(SampleCompany.DATA_START)).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void opportunities_numberSixToTenThousandInIdOrder() {
        List<Opportunity> opps = C.opportunities();
        assertThat(opps).hasSizeBetween(6_000, 10_000);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < opps.size(); i++) {
            assertThat(ids.add(opps.get(i).id())).as("unique id " + opps.get(i).id()).isTrue();
            if (i > 0) {
                assertThat(opps.get(i).createdDate()).isAfterOrEqualTo(opps.get(i - 1).createdDate());
            }
        }
    }

    @Test
    void everyOpportunity_isOwnedByAnAeEmployedWhenItClosedOrNow() {
        for (Opportunity o : C.opportunities()) {
            Rep owner = C.org().find(o.ownerId()).orElseThrow(() -> new AssertionError(o.id() + " owner " + o.ownerId()));
            assertThat(C.role(owner.id())).as(o.id()).isEqualTo(Role.AE);
            LocalDate day = o.isOpen() ? C.asOf() : o.closeDate();
            assertThat(owner.isActiveOn(day)).as(o.id() + " owner " + owner.id() + " on " + day).isTrue();
            assertThat(o.attributes().get("region")).isEqualTo(C.region(owner.id()));
            if (o.attributes().containsKey("sdr")) {
                assertThat(C.role(o.attributes().get("sdr"))).isEqualTo(Role.SDR);
            }
        }
    }

    @Test
    void everyOpportunity_isInTheDataWindow() {
        for (Opportunity o : C.opportunities()) {
            assertThat(o.createdDate()).as(o.id()).isBeforeOrEqualTo(C.asOf());
            boolean createdInWindow = !o.createdDate().isBefore(SampleCompany.DATA_START);
            boolean openOnStart = o.isOpen() || !o.closeDate().isBefore(SampleCompany.DATA_START);
            assertThat(createdInWindow || openOnStart).as(o.id()).isTrue();
            if (!o.isOpen()) {
                assertThat(o.closeDate()).isBeforeOrEqualTo(C.asOf());
            }
        }
    }

    @Test
    void everyHistory_startsOnCreationAndEndsInTheCurrentState() {
        for (Opportunity o : C.opportunities()) {
            List<StageChange> h = o.history();
            assertThat(h).as(o.id()).isNotEmpty();
            assertThat(h.get(0).date()).as(o.id()).isEqualTo(o.createdDate());
            StageChange last = h.get(h.size() - 1);
            assertThat(last.stage()).as(o.id()).isEqualTo(o.stage());
            assertThat(last.amount()).as(o.id()).isEqualTo(o.amount());
            assertThat(last.closeDate()).as(o.id()).isEqualTo(o.closeDate());
            assertThat(last.date()).as(o.id()).isBeforeOrEqualTo(C.asOf());
            for (int i = 0; i < h.size(); i++) {
                StageChange c = h.get(i);
                assertThat(MODEL.contains(c.stage())).as(o.id() + " stage " + c.stage()).isTrue();
                assertThat(c.amount()).as(o.id()).isNotNull();
                assertThat(c.closeDate()).as(o.id()).isNotNull().isAfterOrEqualTo(o.createdDate());
                boolean closing = MODEL.stage(c.stage()).isClosed();
                assertThat(closing).as(o.id() + " closing stage only last").isEqualTo(i == h.size() - 1 && !o.isOpen());
                if (i > 0) {
                    assertThat(c.date()).as(o.id()).isAfter(h.get(i - 1).date());
                }
            }
            OpportunityStatus expected = MODEL.stage(o.stage()).outcome();
            assertThat(o.status()).as(o.id()).isEqualTo(expected);
            if (!o.isOpen()) {
                assertThat(last.date()).as(o.id()).isEqualTo(o.closeDate());
                assertThat(o.forecastCategory()).as(o.id()).isNull();
            } else {
                assertThat(o.forecastCategory()).as(o.id()).isNotNull();
            }
        }
    }

    @Test
    void openOpportunities_asOfTheExportDate_areThemselves() {
        for (Opportunity o : C.opportunities()) {
            assertThat(o.asOf(C.asOf())).as(o.id()).contains(o);
        }
    }

    @Test
    void histories_showSkipsRegressionsSlipsAmountChangesAndLossesAtEveryStage() {
        boolean skip = false;
        boolean regress = false;
        boolean slip = false;
        boolean amountChange = false;
        Set<String> lostFrom = new HashSet<>();
        for (Opportunity o : C.opportunities()) {
            List<StageChange> h = o.history();
            for (int i = 1; i < h.size(); i++) {
                StageChange prev = h.get(i - 1);
                StageChange c = h.get(i);
                int from = MODEL.order(prev.stage());
                int to = MODEL.order(c.stage());
                boolean open = !MODEL.stage(c.stage()).isClosed();
                skip |= open && to == from + 2;
                regress |= open && to < from;
                slip |= c.stage().equals(prev.stage()) && c.closeDate().isAfter(prev.closeDate());
                amountChange |= !c.amount().equals(prev.amount());
                if (c.stage().equals("Closed Lost")) {
                    lostFrom.add(prev.stage());
                }
            }
        }
        assertThat(skip).as("a stage is skipped").isTrue();
        assertThat(regress).as("a stage is regressed").isTrue();
        assertThat(slip).as("a close date slips").isTrue();
        assertThat(amountChange).as("an amount changes").isTrue();
        assertThat(lostFrom).containsExactlyInAnyOrder("Prospecting", "Qualification", "Needs Analysis", "Proposal", "Negotiation");
    }

    @Test
    void winRate_risesWithEveryStageReached() {
        // The share of closed deals that were won, among those that ever reached each stage: a pipeline model
        // can only beat a run rate if later stages carry more information.
        double previous = 0;
        for (String stage : List.of("Prospecting", "Qualification", "Needs Analysis", "Proposal", "Negotiation")) {
            long reached = 0;
            long won = 0;
            for (Opportunity o : C.opportunities()) {
                if (!o.isOpen() && o.history().stream().anyMatch(c -> c.stage().equals(stage))) {
                    reached++;
                    won += o.isWon() ? 1 : 0;
                }
            }
            double rate = (double) won / reached;
            assertThat(rate).as(stage).isGreaterThan(previous + 0.05);
            previous = rate;
        }
    }

    @Test
    void currentQuarter_hasClosedAndOpenDeals() {
        Period q = C.currentQuarter();
        assertThat(q.toString()).isEqualTo("2026-Q2");
        assertThat(C.opportunities()).anyMatch(o -> o.isWon() && q.contains(o.closeDate()));
        assertThat(C.opportunities()).anyMatch(o -> o.isLost() && q.contains(o.closeDate()));
        assertThat(C.opportunities()).filteredOn(o -> o.isOpen() && q.contains(o.closeDate())).hasSizeGreaterThan(100);
    }

    @Test
    void productsAndTypes_areTheDocumentedOnes() {
        Set<String> products = new HashSet<>();
        Set<String> types = new HashSet<>();
        Set<String> segments = new HashSet<>();
        for (Opportunity o : C.opportunities()) {
            products.add(o.product());
            types.add(o.type());
            segments.add(o.attributes().get("segment"));
        }
        assertThat(products).containsExactlyInAnyOrder("Platform", "Analytics", "Add-ons");
        assertThat(types).containsExactlyInAnyOrder("new", "expansion", "renewal");
        assertThat(segments).containsExactlyInAnyOrder("SMB", "Mid-Market", "Enterprise");
    }

    @Test
    void quotas_existForEveryAeAndEveryQuarterEmployedAndNobodyElse() {
        Period first = C.calendar().periodOf(SampleCompany.DATA_START, PeriodKind.QUARTER);
        Period last = C.calendar().parse("2026-Q4");
        for (Rep r : C.org().reps()) {
            for (Period q : first.through(last)) {
                boolean employed = q.daysBetween(r.startDate(), r.endDate() == null ? q.end() : r.endDate()) > 0;
                var quota = C.quotas().quota(r.id(), q);
                if (C.role(r.id()) == Role.AE && employed) {
                    assertThat(quota).as(r.id() + " " + q).isPresent();
                    assertThat(quota.get().isPositive()).as(r.id() + " " + q).isTrue();
                } else {
                    assertThat(quota).as(r.id() + " " + q).isEmpty();
                }
            }
        }
        assertThat(C.quotas().all()).allSatisfy(q -> assertThat(q.period().kind()).isEqualTo(PeriodKind.QUARTER));
    }

    @Test
    void attainment_ofRampedAes_isTypically70To120Percent() {
        List<Double> attainment = new ArrayList<>();
        Period first = C.calendar().parse("2024-Q1");
        Period last = C.currentQuarter().previous();
        for (Rep r : C.reps(Role.AE)) {
            for (Period q : first.through(last)) {
                boolean ramped = r.startDate().isBefore(q.start().minusMonths(6));
                boolean stayed = r.endDate() == null || r.endDate().isAfter(q.end());
                if (!ramped || !stayed) {
                    continue;
                }
                Money quota = C.quotas().quota(r.id(), q).orElseThrow();
                long won = 0;
                for (Opportunity o : C.opportunities()) {
                    if (o.isWon() && o.ownerId().equals(r.id()) && q.contains(o.closeDate())) {
                        won += o.amount().minorUnits();
                    }
                }
                attainment.add((double) won / quota.minorUnits());
            }
        }
        Collections.sort(attainment);
        double median = attainment.get(attainment.size() / 2);
        assertThat(median).isBetween(0.8, 1.1);
        assertThat(attainment.get(attainment.size() / 4)).isBetween(0.5, 0.8);
        assertThat(attainment.get(attainment.size() * 3 / 4)).isBetween(1.0, 1.5);
    }

    @Test
    void monthlyBookings_totalIsTheSumOfTheRegionsAndOfTheWonDeals() {
        SortedMap<String, SortedMap<LocalDate, Money>> b = C.monthlyBookings();
        assertThat(b.keySet()).containsExactly("AMER", "EMEA", "APAC", "Total");
        SortedMap<LocalDate, Money> total = b.get("Total");
        assertThat(total.firstKey()).isEqualTo(LocalDate.of(2023, 10, 1));
        assertThat(total.lastKey()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(total).hasSize(31);
        for (Map.Entry<LocalDate, Money> e : total.entrySet()) {
            Money regions = b.get("AMER").get(e.getKey()).plus(b.get("EMEA").get(e.getKey())).plus(b.get("APAC").get(e.getKey()));
            assertThat(regions).isEqualTo(e.getValue());
            long won = 0;
            for (Opportunity o : C.opportunities()) {
                if (o.isWon() && o.closeDate().withDayOfMonth(1).equals(e.getKey())) {
                    won += o.amount().minorUnits();
                }
            }
            assertThat(e.getValue().minorUnits()).isEqualTo(won);
        }
    }

    @Test
    void bookings_peakInTheFourthQuarter() {
        for (int year : new int[] {2024, 2025}) {
            long q4 = bookings(C.calendar().quarter(year, 4));
            long q3 = bookings(C.calendar().quarter(year, 3));
            assertThat(q4).as("Q4 vs Q3 of " + year).isGreaterThan(q3 * 11 / 10);
        }
    }

    private static long bookings(Period q) {
        return C.opportunities().stream().filter(o -> o.isWon() && q.contains(o.closeDate()))
                .mapToLong(o -> o.amount().minorUnits()).sum();
    }

    @Test
    void generate_sameSeed_sameData_otherSeed_otherData() {
        SampleCompany again = SampleCompany.generate(SampleCompany.SEED);
        assertThat(again.opportunities()).isEqualTo(C.opportunities());
        assertThat(again.accounts()).isEqualTo(C.accounts());
        assertThat(again.quotas().all()).isEqualTo(C.quotas().all());
        SampleCompany other = SampleCompany.generate(1);
        assertThat(other.opportunities()).isNotEqualTo(C.opportunities());
        assertThat(other.org().reps()).containsExactlyElementsOf(C.org().reps());
    }

    @Test
    void bundledFiles_equalAFreshGeneration(@TempDir Path dir) throws Exception {
        C.writeCsv(dir);
        for (String f : SampleCompany.FILES) {
            byte[] fresh = Files.readAllBytes(dir.resolve(f));
            try (InputStream in = SampleCompany.bundled(f)) {
                assertThat(in.readAllBytes()).as(f + " is stale: run GenerateSampleData and commit the files").isEqualTo(fresh);
            }
        }
    }

    @Test
    void bundledFiles_areSmallEnoughToShip() throws Exception {
        long total = 0;
        for (String f : SampleCompany.FILES) {
            try (InputStream in = SampleCompany.bundled(f)) {
                total += in.readAllBytes().length;
            }
        }
        assertThat(total).isLessThan(3_300_000L);
    }

    @Test
    void writeCsv_writesTheDocumentedHeaders(@TempDir Path dir) throws Exception {
        C.writeCsv(dir);
        assertThat(firstLine(dir, "opportunities.csv")).isEqualTo("id,name,account,owner,stage,amount,currency,created_date,"
                + "close_date,status,forecast_category,product,type,region,segment,lead_source,sdr");
        assertThat(firstLine(dir, "stage_history.csv")).isEqualTo("opportunity_id,date,stage,amount,close_date");
        assertThat(firstLine(dir, "org.csv")).isEqualTo("rep,name,manager,team,territory,start_date,end_date");
        assertThat(firstLine(dir, "quotas.csv")).isEqualTo("rep,period,amount,currency");
        assertThat(firstLine(dir, "bookings.csv")).isEqualTo("series,period,value");
        assertThat(firstLine(dir, "accounts.csv")).isEqualTo("id,name,industry,segment,region,owner");
        List<String> quotas = Files.readAllLines(dir.resolve("quotas.csv"));
        assertThat(quotas).hasSize(C.quotas().all().size() + 1);
        Quota q0 = C.quotas().all().get(0);
        assertThat(quotas.get(1)).isEqualTo(q0.repId() + "," + q0.period() + "," + q0.amount().amount().toPlainString() + ",USD");
        // The name "Jack O'Brien" and account names pass through CSV unharmed.
        assertThat(Files.readString(dir.resolve("org.csv"))).contains("\njobrien,Jack O'Brien,shartmann,emea,UKI,2022-10-03,\n");
    }

    private static String firstLine(Path dir, String file) throws Exception {
        return Files.readAllLines(dir.resolve(file)).get(0);
    }

    @Test
    void bundled_unknownFile_throwsNamingTheChoices() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SampleCompany.bundled("x.csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("\"x.csv\" is not a bundled sample file; expected one of [org.csv");
    }

    @Test
    void stageWeightedPipelineForecast_beatsTheRunRate() {
        // A deliberately simple pipeline model, forecasting each quarter from 2024-Q3 to 2026-Q1 on its first
        // and its 46th day: won so far + open deals expected to close in the quarter x the share of deals
        // closed in the past year that were won after reaching their stage + what was created later and won
        // in the same quarter a year before. Baselines: last quarter's bookings; the last four quarters' mean.
        double pipelineError = 0;
        double lastQuarterError = 0;
        double yearMeanError = 0;
        int points = 0;
        for (Period q : C.calendar().parse("2024-Q3").through(C.calendar().parse("2026-Q1"))) {
            for (int offset : new int[] {0, 45}) {
                LocalDate asOf = q.start().plusDays(offset).minusDays(1);
                double actual = bookings(q);
                double lastQuarter = bookings(q.previous());
                double yearMean = (bookings(q.plus(-1)) + bookings(q.plus(-2)) + bookings(q.plus(-3)) + bookings(q.plus(-4))) / 4.0;
                Map<String, long[]> reachedWon = new java.util.HashMap<>();
                for (Opportunity o : C.opportunities()) {
                    if (o.isOpen() || o.closeDate().isAfter(asOf) || o.closeDate().isBefore(asOf.minusDays(365))) {
                        continue;
                    }
                    o.history().stream().map(StageChange::stage).distinct().forEach(stage -> {
                        long[] rw = reachedWon.computeIfAbsent(stage, k -> new long[2]);
                        rw[0]++;
                        rw[1] += o.isWon() ? 1 : 0;
                    });
                }
                double pipeline = 0;
                for (Opportunity o : C.opportunities()) {
                    var snapshot = o.asOf(asOf);
                    if (snapshot.isEmpty()) {
                        continue;
                    }
                    Opportunity then = snapshot.get();
                    if (then.isWon() && q.contains(then.closeDate())) {
                        pipeline += then.amount().minorUnits();
                    } else if (then.isOpen() && then.closeDate() != null && !then.closeDate().isAfter(q.end())
                            && reachedWon.containsKey(then.stage())) {
                        long[] rw = reachedWon.get(then.stage());
                        pipeline += then.amount().minorUnits() * (double) rw[1] / rw[0];
                    }
                }
                Period yearAgo = q.plus(-4);
                LocalDate yearAgoAsOf = yearAgo.start().plusDays(offset).minusDays(1);
                for (Opportunity o : C.opportunities()) {
                    if (o.isWon() && yearAgo.contains(o.closeDate()) && o.createdDate().isAfter(yearAgoAsOf)) {
                        pipeline += o.amount().minorUnits();
                    }
                }
                pipelineError += Math.abs(pipeline - actual) / actual;
                lastQuarterError += Math.abs(lastQuarter - actual) / actual;
                yearMeanError += Math.abs(yearMean - actual) / actual;
                points++;
            }
        }
        double pipelineMape = pipelineError / points;
        assertThat(pipelineMape).isLessThan(0.75 * lastQuarterError / points).isLessThan(0.75 * yearMeanError / points);
    }
}
