package io.salesops.cli;

import io.salesops.server.SalesopsServer;
import io.salesops.server.ServerLimits;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code salesops serve}: the forecast, KPI, regression and commission APIs over HTTP/JSON until stopped
 * (Ctrl-C). Binds to loopback unless told otherwise. Not thread-safe (picocli fills the fields).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve forecasts, KPIs, backtests, trend forecasts, regression and commissions over HTTP/JSON.",
                "The OpenAPI document is at /openapi.json. Stop with Ctrl-C."},
        footer = {"", "Example:", "  salesops serve --port 8080",
                "  curl -s localhost:8080/v1/forecast/pipeline -H 'Content-Type: application/json' -d @request.json"})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address to bind (default: ${DEFAULT-VALUE}, loopback only; 0.0.0.0 for every interface).")
    String bind;

    @Option(names = "--max-body-mb", defaultValue = "32", description = "Largest request body in MiB (default: ${DEFAULT-VALUE}).")
    int maxBodyMb;

    @Option(names = "--timeout", defaultValue = "30", description = "Seconds a request may compute (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new UserInputException("--port " + port + " is not a port number (0 to 65535)");
        }
        if (maxBodyMb < 1 || maxBodyMb > 1024) {
            throw new UserInputException("--max-body-mb " + maxBodyMb + " must be from 1 to 1024");
        }
        if (timeoutSeconds < 1) {
            throw new UserInputException("--timeout " + timeoutSeconds + " must be at least 1 second");
        }
        ServerLimits limits = ServerLimits.defaults().withMaxBodyBytes((long) maxBodyMb << 20)
                .withRequestTimeout(Duration.ofSeconds(timeoutSeconds));
        SalesopsServer server = SalesopsServer.create(limits);
        try {
            server.start(bind, port);
        } catch (IllegalStateException e) {
            throw new UserInputException(e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "salesops-serve-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("salesops serve: listening on http://" + bind + ":" + server.port() + " (OpenAPI at /openapi.json); Ctrl-C stops");
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
