package io.salesops.comp.input;

import io.salesops.core.money.Percent;
import java.util.Objects;

/**
 * One payee's share of a split credit, e.g. 60% to the account executive and 40% to the overlay rep.
 * The parts of a credit are allocated to the cent by largest remainder, so they always sum to the whole.
 * Immutable and thread-safe.
 *
 * @param payeeId the rep receiving this share, non-blank
 * @param share   the share, in (0, 100]
 */
public record Split(String payeeId, Percent share) {
    /**
     * Validates the fields.
     *
     * @param payeeId the rep receiving this share, non-blank
     * @param share   the share, above 0% and at most 100%
     * @throws IllegalArgumentException naming the payee and the share if the id is blank or the share out of
     *                                  range
     * @throws NullPointerException     if {@code share} is null
     */
    public Split {
        if (payeeId == null || payeeId.isBlank()) {
            throw new IllegalArgumentException("split has a blank payee id");
        }
        Objects.requireNonNull(share, "share");
        if (share.compareTo(Percent.ZERO) <= 0 || share.compareTo(Percent.HUNDRED) > 0) {
            throw new IllegalArgumentException("split share " + share + " of " + payeeId + " is outside (0%, 100%]");
        }
    }

    /**
     * A split share given as a percentage string: {@code Split.of("rep-7", "40")} is 40% to rep-7.
     *
     * @param payeeId the rep receiving this share, non-blank
     * @param percent the share in percent, above 0 and at most 100, e.g. {@code "40"} or {@code "40%"}
     * @return the split
     * @throws IllegalArgumentException if the id is blank, the text is not a number or the share is out of range
     */
    public static Split of(String payeeId, String percent) {
        return new Split(payeeId, Percent.of(percent));
    }
}
