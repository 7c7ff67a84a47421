package io.salesops.server;

import java.util.List;

/**
 * A request that cannot be served, answered as an RFC 9457 problem document
 * ({@code application/problem+json}) with its HTTP status, a title, a detail and, for bad input, every
 * offending field as a JSON pointer into the request.
 *
 * <p>Immutable and thread-safe.
 */
public final class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** One offending field: a JSON pointer such as {@code /opportunities/3/amount} and what is wrong. */
    public record FieldError(String pointer, String detail) {
    }

    private final int status;
    private final String title;
    private final transient List<FieldError> errors;

    /**
     * @param status HTTP status, 4xx or 5xx
     * @param title  short summary of the problem type, e.g. "Bad Request"
     * @param detail what is wrong with this request, naming the value and the rule
     * @param errors the offending fields, possibly empty
     */
    public ProblemException(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** A 400 for one bad field. */
    public static ProblemException badField(String pointer, String detail) {
        return new ProblemException(400, "Bad Request", pointer + ": " + detail, List.of(new FieldError(pointer, detail)));
    }

    /** A 400 listing every bad field. */
    public static ProblemException badFields(List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).pointer() + ": " + errors.get(0).detail()
                : errors.size() + " fields are invalid; the first is " + errors.get(0).pointer() + ": " + errors.get(0).detail();
        return new ProblemException(400, "Bad Request", detail, errors);
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the problem title */
    public String title() {
        return title;
    }

    /** @return the offending fields, possibly empty */
    public List<FieldError> errors() {
        return errors;
    }
}
