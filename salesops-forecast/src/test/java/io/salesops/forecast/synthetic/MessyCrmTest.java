package io.salesops.forecast.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.core.crm.Opportunity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generator's profiles: switches that leave the other profiles' exports alone, and the calendar's closes. */
class MessyCrmTest {

    @Test
    void theCalendarSwitch_leavesEveryOtherProfilesExport_asItWasBeforeTheSwitch() {
        // the first 16 hex digits of each export's hash (seed 7) taken before the calendarCloses switch existed
        // (CALENDAR's when it was added); accuracy figures measured on a profile stay comparable only while its
        // exports stay the same
        assertThat(List.of(hash(MessyCrm.FIFTEEN_MONTHS), hash(MessyCrm.JUDGE_LIKE), hash(MessyCrm.STEADY_PIPELINE),
                hash(MessyCrm.STEADY_RUN_RATE), hash(MessyCrm.PHASED), hash(MessyCrm.CALENDAR)))
                .containsExactly("3311edfece40ea15", "cae9b447d72f9781", "9ff29bf80aafcbfe", "024d3c8ed07d7987",
                        "4ff826f14fbdba17", "0650cae42789d8fc");
    }

    @Test
    void theCalendarProfile_closesADealInItsCreationQuarterOrTheNextOnly_andAQuartersFirstMonthOnlyItsNewestDeals() {
        for (long seed = 1; seed <= 3; seed++) {
            MessyCrm crm = MessyCrm.generate(seed, MessyCrm.CALENDAR);
            assertThat(calendarBreaches(crm)).as("seed %d", seed).isEmpty();
            List<Opportunity> closed = crm.opportunities().stream().filter(o -> !o.isOpen()).toList();
            // not vacuous: deals close in the next quarter, some in its first month (created just before it),
            // and deals older than two quarters are left open
            assertThat(closed.stream().filter(o -> quarterIndex(o.closeDate()) == quarterIndex(o.createdDate()) + 1))
                    .as("closes in the next quarter, seed %d", seed).hasSizeGreaterThan(closed.size() / 10);
            assertThat(closed.stream().filter(o -> firstMonthOfQuarter(o.closeDate())
                    && o.createdDate().isBefore(o.closeDate().withDayOfMonth(1))))
                    .as("first-month closes of the month before's deals, seed %d", seed).isNotEmpty();
            assertThat(crm.opportunities().stream().filter(o -> o.isOpen()
                    && quarterIndex(crm.exportDate()) - quarterIndex(o.createdDate()) >= 2))
                    .as("left open for good, seed %d", seed).hasSizeGreaterThan(crm.opportunities().size() / 20);
        }
    }

    @Test
    void aJudgeLikeExport_closesDealsWhateverTheCalendar_soTheCalendarPropertyCanFail_andAHalfCalendarOneLessOften() {
        int judgeLike = calendarBreaches(MessyCrm.generate(1, MessyCrm.JUDGE_LIKE)).size();
        int half = calendarBreaches(MessyCrm.generate(1, MessyCrm.CALENDAR_HALF)).size();
        assertThat(judgeLike).isGreaterThan(100);
        // half the deals close by the calendar, so about half the breaches remain
        assertThat(half).isBetween(judgeLike / 4, 3 * judgeLike / 4);
    }

    /** Closed deals that close two quarters or more after their creation quarter, or in a quarter's first month
     *  though created before the month before it. */
    private static List<String> calendarBreaches(MessyCrm crm) {
        List<String> out = new ArrayList<>();
        for (Opportunity o : crm.opportunities()) {
            if (o.isOpen()) {
                continue;
            }
            LocalDate close = o.closeDate();
            boolean late = quarterIndex(close) - quarterIndex(o.createdDate()) > 1;
            boolean oldInFirstMonth = firstMonthOfQuarter(close)
                    && o.createdDate().isBefore(close.withDayOfMonth(1).minusMonths(1));
            if (late || oldInFirstMonth) {
                out.add(o.id() + " created " + o.createdDate() + " closed " + close);
            }
        }
        return out;
    }

    private static int quarterIndex(LocalDate d) {
        return d.getYear() * 4 + (d.getMonthValue() - 1) / 3;
    }

    private static boolean firstMonthOfQuarter(LocalDate d) {
        return (d.getMonthValue() - 1) % 3 == 0;
    }

    /** The first 16 hex digits of the SHA-256 of the export's deals, one line of their fields each. */
    private static String hash(MessyCrm.Profile profile) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Opportunity o : MessyCrm.generate(7, profile).opportunities()) {
                md.update(String.join(",", o.id(), o.ownerId(), o.accountId(), o.product(), o.stage(),
                        o.status().toString(), Long.toString(o.amount().minorUnits()), o.createdDate().toString(),
                        String.valueOf(o.closeDate()), "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
