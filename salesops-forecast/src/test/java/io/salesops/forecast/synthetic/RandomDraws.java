package io.salesops.forecast.synthetic;

import java.util.SplittableRandom;

/** The random draws the synthetic CRM generators share; each consumes the generator's stream in a fixed order. */
final class RandomDraws {

    private RandomDraws() {
    }

    /** A Poisson count with mean {@code lambda} (Knuth's product of uniforms; fine for the small means used here). */
    static int poisson(SplittableRandom rnd, double lambda) {
        double l = Math.exp(-lambda);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= rnd.nextDouble();
        } while (p > l);
        return k - 1;
    }

    /** A standard normal draw (Box-Muller, one of the pair). */
    static double gaussian(SplittableRandom rnd) {
        double u1 = 1 - rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
