package io.salesops.server.internal;

import java.util.function.Function;

/**
 * One POST endpoint: a path, the request type read from the JSON body, how the body is read, and the computation
 * that turns a request into a response value (serialised as JSON).
 *
 * @param path        e.g. {@code /v1/forecast/pipeline}
 * @param requestType the JSON body's type
 * @param reader      reads a body into the request; throws {@link io.salesops.server.ProblemException} for bad JSON
 * @param handler     the computation; throws {@link IllegalArgumentException} or
 *                    {@link io.salesops.server.ProblemException} for bad input
 * @param <Q>         request type
 */
public record Endpoint<Q>(String path, Class<Q> requestType, Function<byte[], Q> reader, Function<Q, Object> handler) {

    /**
     * An endpoint whose body is bound by {@link Json#read}.
     *
     * @param path        e.g. {@code /v1/kpi}
     * @param requestType the JSON body's type
     * @param handler     the computation
     */
    public Endpoint(String path, Class<Q> requestType, Function<Q, Object> handler) {
        this(path, requestType, body -> Json.read(body, requestType), handler);
    }

    /**
     * Reads a request body.
     *
     * @param body the body's bytes
     * @return the request
     * @throws io.salesops.server.ProblemException 400 naming what is wrong with the JSON
     */
    public Q read(byte[] body) {
        return reader.apply(body);
    }

    /**
     * Computes the response.
     *
     * @param request a request read by {@link #read}
     * @return the response value
     */
    public Object handle(Object request) {
        return handler.apply(requestType.cast(request));
    }
}
