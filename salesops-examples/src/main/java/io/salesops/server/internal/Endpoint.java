package io.salesops.server.internal;

import java.util.function.Function;

/**
 * One POST endpoint: a path, the request type read from the JSON body, and the computation that turns a
 * request into a response value (serialised as JSON).
 *
 * @param path        e.g. {@code /v1/forecast/pipeline}
 * @param requestType the JSON body's type
 * @param handler     the computation; throws {@link IllegalArgumentException} or
 *                    {@link io.salesops.server.ProblemException} for bad input
 * @param <Q>         request type
 */
public record Endpoint<Q>(String path, Class<Q> requestType, Function<Q, Object> handler) {

    /** @return the response for a request body already parsed */
    public Object handle(Object request) {
        return handler.apply(requestType.cast(request));
    }
}
