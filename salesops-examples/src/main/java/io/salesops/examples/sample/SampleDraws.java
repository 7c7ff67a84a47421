package io.salesops.examples.sample;

import java.util.SplittableRandom;

/**
 * The random draws of one generation of the sample company, all from one {@link SplittableRandom} in the order
 * they are asked for: uniforms, normals (Box-Muller) and Poisson counts, from {@link SplittableRandom#nextDouble()}
 * alone, whose algorithm the JDK specifies, so a seed gives the same data on every JDK. Not thread-safe.
 */
final class SampleDraws {

    private final SplittableRandom rnd;

    SampleDraws(SplittableRandom rnd) {
        this.rnd = rnd;
    }

    /** A uniform draw in [0, 1). */
    double uniform() {
        return rnd.nextDouble();
    }

    /** A standard normal draw by Box-Muller from two uniforms (the JDK's nextGaussian may change between releases). */
    double gaussian() {
        double u1 = 1.0 - rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** A Poisson draw by Knuth's multiplication of uniforms (exact for the small means of a day). */
    int poisson(double mean) {
        double limit = Math.exp(-mean);
        double prod = rnd.nextDouble();
        int n = 0;
        while (prod > limit) {
            n++;
            prod *= rnd.nextDouble();
        }
        return n;
    }
}
