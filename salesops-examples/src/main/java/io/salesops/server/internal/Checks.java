package io.salesops.server.internal;

import io.salesops.server.ProblemException;
import java.util.List;

/** Small checks that collect every field error of a request before any work is done. */
final class Checks {

    private Checks() {
    }

    static void required(List<ProblemException.FieldError> errors, String pointer, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            errors.add(new ProblemException.FieldError(pointer, "is required"));
        }
    }

    /** An optional text field may be absent, but not blank: a blank name matches nothing. */
    static void notBlank(List<ProblemException.FieldError> errors, String pointer, String value) {
        if (value != null && value.isBlank()) {
            errors.add(new ProblemException.FieldError(pointer, "is blank; leave it out or give a value"));
        }
    }

    static void atMost(List<ProblemException.FieldError> errors, String pointer, long value, long limit, String what) {
        if (value > limit) {
            errors.add(new ProblemException.FieldError(pointer, value + " " + what + " exceed the limit of " + limit));
        }
    }
}
