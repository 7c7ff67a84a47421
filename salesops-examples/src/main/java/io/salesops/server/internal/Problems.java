package io.salesops.server.internal;

import io.salesops.server.ProblemException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * RFC 9457 problem documents: the one way the server says no, also for the errors Jetty raises itself (a request
 * it cannot parse, headers too large) that would otherwise get an HTML page. Bodies stay small whatever the
 * request held: a detail is cut to {@value #MAX_DETAIL} characters and at most {@value #MAX_ERRORS} field errors
 * are listed; Java type names never reach the client. Stateless and thread-safe.
 */
public final class Problems {

    /** The media type of a problem document. */
    public static final String MEDIA_TYPE = "application/problem+json";
    static final int MAX_DETAIL = 500;
    static final int MAX_ERRORS = 100;

    private static final Pattern TOKEN = Pattern.compile("\\s*\\(token `JsonToken\\.[A-Z_]+`\\)");
    private static final Pattern CONSTRAINTS = Pattern.compile(",?\\s*(?:from|use|see)?\\s*`StreamReadConstraints[^`]*`");
    private static final Pattern QUOTED_TYPE = Pattern.compile("`([\\w.$\\[\\]<>]+)`");
    private static final Pattern CANNOT_DESERIALIZE = Pattern.compile("Cannot deserialize value of type (.+?) from (\\S+)");
    private static final Pattern CANNOT_CONSTRUCT = Pattern.compile(
            "Cannot construct instance of (.+?) \\(although at least one Creator exists\\): .*?deserialize from (\\S+ value(?: \\([^)]*\\))?)");
    private static final Pattern BARE_TYPE = Pattern.compile("\\b(?:io\\.salesops|java|javax|jakarta|com\\.fasterxml|org\\.eclipse)\\.[\\w.$]+");

    private Problems() {
    }

    /** @return the problem document for {@code e}, as UTF-8 JSON */
    public static byte[] document(ProblemException e, String instance) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", "about:blank");
        doc.put("title", e.title());
        doc.put("status", e.status());
        doc.put("detail", clean(e.getMessage()));
        if (instance != null) {
            doc.put("instance", cut(instance, 200));
        }
        if (!e.errors().isEmpty()) {
            List<Map<String, String>> errors = new ArrayList<>();
            for (ProblemException.FieldError f : e.errors().subList(0, Math.min(MAX_ERRORS, e.errors().size()))) {
                errors.add(Map.of("pointer", cut(f.pointer(), 200), "detail", clean(f.detail())));
            }
            doc.put("errors", errors);
            if (e.errors().size() > MAX_ERRORS) {
                doc.put("moreErrors", e.errors().size() - MAX_ERRORS);
            }
        }
        try {
            return Json.mapper().writeValueAsBytes(doc);
        } catch (IOException io) {
            return ("{\"title\":\"Internal Server Error\",\"status\":500}").getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * A message fit for a client: Jackson's type names become JSON words ({@code `int`} an integer, a request
     * record an object), internal class names and parser-limit names go, and it is cut to a bounded length.
     */
    public static String clean(String message) {
        if (message == null || message.isBlank()) {
            return "no detail";
        }
        String m = TOKEN.matcher(message).replaceAll("");
        m = CONSTRAINTS.matcher(m).replaceAll("");
        Matcher q = QUOTED_TYPE.matcher(m);
        StringBuilder sb = new StringBuilder();
        while (q.find()) {
            q.appendReplacement(sb, Matcher.quoteReplacement(jsonWord(q.group(1))));
        }
        q.appendTail(sb);
        m = BARE_TYPE.matcher(sb.toString()).replaceAll("value");
        m = CANNOT_DESERIALIZE.matcher(m).replaceAll("expected $1, found $2");
        m = CANNOT_CONSTRUCT.matcher(m).replaceAll("expected $1, found $2");
        m = m.replaceAll(": not a valid (an? [a-z]+) value", ": not $1");
        return cut(m.replaceAll("\\s+", " ").strip(), MAX_DETAIL);
    }

    private static String jsonWord(String type) {
        String simple = type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
        switch (simple) {
            case "String": case "char": case "Character": case "LocalDate":
                return "a string";
            case "int": case "Integer": case "long": case "Long": case "short": case "Short": case "byte": case "BigInteger":
                return "an integer";
            case "double": case "Double": case "float": case "Float": case "BigDecimal": case "Number":
                return "a number";
            case "boolean": case "Boolean":
                return "a boolean";
            case "Object":
                return "a value";
            default:
                if (simple.startsWith("List") || simple.startsWith("ArrayList") || simple.endsWith("[]")) {
                    return "an array";
                }
                return type.contains(".") || type.contains("$") || Character.isUpperCase(simple.isEmpty() ? 'a' : simple.charAt(0))
                        ? "an object" : "`" + type + "`";
        }
    }

    /** @return {@code s}, cut to {@code max} characters and marked as cut */
    public static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }

    /**
     * Jetty's error handler with problem documents instead of HTML: for requests Jetty refuses before any
     * endpoint sees them (a malformed request line, headers too large: "Bad Message 400") and for errors it
     * raises while dispatching.
     */
    public static final class JettyErrors extends ErrorHandler {

        /** A handler that shows no stack traces and no servlet names. */
        public JettyErrors() {
            setShowStacks(false);
            setShowServlet(false);
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            fields.put(new HttpField(HttpHeader.CONTENT_TYPE, MEDIA_TYPE));
            return ByteBuffer.wrap(document(problem(status, reason), null));
        }

        @Override
        public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            int status = response.getStatus() < 400 ? 500 : response.getStatus();
            Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
            byte[] body = document(problem(status, message == null ? null : message.toString()), null);
            baseRequest.setHandled(true);
            if (response.isCommitted()) {
                return;
            }
            response.resetBuffer();
            response.setStatus(status);
            response.setContentType(MEDIA_TYPE);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }

        private static ProblemException problem(int status, String reason) {
            String title = HttpStatus.getMessage(status);
            String detail = reason == null || reason.isBlank() ? title : reason;
            if (status >= 500) {
                detail = "the request was not completed";
            }
            return new ProblemException(status, title, detail, List.of());
        }
    }
}
