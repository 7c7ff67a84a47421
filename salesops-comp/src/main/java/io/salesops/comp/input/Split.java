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
    /** Validates the fields. @throws IllegalArgumentException naming the payee and the share */
    public Split {
        if (payeeId == null || payeeId.isBlank()) {
            throw new IllegalArgumentException("split has a blank payee id");
        }
        Objects.requireNonNull(share, "share");
        if (share.compareTo(Percent.ZERO) <= 0 || share.compareTo(Percent.HUNDRED) > 0) {
            throw new IllegalArgumentException("split share " + share + " of " + payeeId + " is outside (0%, 100%]");
        }
    }

    /** A split share given as a percentage string: {@code Split.of("rep-7", "40")}. */
    public static Split of(String payeeId, String percent) {
        return new Split(payeeId, Percent.of(percent));
    }
}
