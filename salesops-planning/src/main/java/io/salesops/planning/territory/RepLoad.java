package io.salesops.planning.territory;

import java.math.BigDecimal;

/**
 * One rep's territory under an assignment: how many accounts, how much potential and workload against
 * its targets, how far its accounts are from home, and how many accounts came and went.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rep               the rep id
 * @param group             the rule group (territory) the rep works in
 * @param accounts          accounts assigned to the rep
 * @param potential         their total potential
 * @param workload          their total workload
 * @param targetPotential   the rep's potential target: group total x capacity share (rounded to 6 places)
 * @param targetWorkload    the rep's workload target, likewise
 * @param meanDistanceKm    mean great-circle distance from the accounts to the rep's home, km (0 without accounts)
 * @param movedIn           accounts now with the rep that had another previous rep
 * @param movedOut          accounts previously with the rep that now have another
 */
public record RepLoad(String rep, String group, int accounts, BigDecimal potential, BigDecimal workload,
                      BigDecimal targetPotential, BigDecimal targetWorkload, double meanDistanceKm,
                      int movedIn, int movedOut) {

    /**
     * @param measure a measure, not null
     * @return the rep's load on it
     */
    public BigDecimal load(Measure measure) {
        return measure == Measure.POTENTIAL ? potential : workload;
    }

    /**
     * @param measure a measure, not null
     * @return the rep's target on it
     */
    public BigDecimal target(Measure measure) {
        return measure == Measure.POTENTIAL ? targetPotential : targetWorkload;
    }

    /**
     * @param measure a measure, not null
     * @return load over target minus one, in percent (2 places, half-even); 0 when the target is 0 and so is the load
     */
    public BigDecimal deviationPercent(Measure measure) {
        BigDecimal t = target(measure);
        if (t.signum() == 0) {
            return load(measure).signum() == 0 ? BigDecimal.ZERO.setScale(2) : new BigDecimal("100.00");
        }
        return load(measure).subtract(t).multiply(BigDecimal.valueOf(100)).divide(t, 2, java.math.RoundingMode.HALF_EVEN);
    }
}
