package io.salesops.core.crm;

import java.util.Locale;

/** Whether an opportunity is still open, won or lost. */
public enum OpportunityStatus {
    /** Still being worked. */
    OPEN,
    /** Closed won. */
    WON,
    /** Closed lost. */
    LOST;

    /**
     * Parses {@code open}, {@code won}, {@code lost}, also {@code closed won} and {@code closed lost}; case,
     * surrounding spaces, and {@code _} or {@code -} for the space are ignored ({@code Closed_Won}, {@code closed-lost}).
     *
     * @param text the status as a CRM exports it; not null
     * @return the status
     * @throws IllegalArgumentException naming the text and the accepted values
     */
    public static OpportunityStatus parse(String text) {
        String s = text.strip().toUpperCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        switch (s) {
            case "OPEN":
                return OPEN;
            case "WON":
            case "CLOSED WON":
            case "CLOSEDWON":
                return WON;
            case "LOST":
            case "CLOSED LOST":
            case "CLOSEDLOST":
                return LOST;
            default:
                throw new IllegalArgumentException("status \"" + text + "\" is not one of open, won, lost");
        }
    }

    /** @return true for won or lost */
    public boolean isClosed() {
        return this != OPEN;
    }
}
