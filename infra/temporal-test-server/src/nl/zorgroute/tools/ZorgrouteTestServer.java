package nl.zorgroute.tools;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Temporal's time-skipping test server with a start instant.
 *
 * <p>Same arguments as {@code io.temporal.testserver.TestServer} ({@code <port> [--enable-time-skipping]}) plus
 * {@code --start-at=<ISO-8601 instant>}: the server's clock starts at that instant instead of the wall clock, so a
 * test run behaves the same whatever the hour or the day it starts (docs: libs/workflows/test/README.md). Without
 * {@code --start-at} it behaves exactly like Temporal's own main class.
 */
public final class ZorgrouteTestServer {
  private ZorgrouteTestServer() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("Usage: <port> [--enable-time-skipping] [--start-at=<ISO-8601 instant>]");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    boolean enableTimeSkipping = false;
    long startAtMillis = 0; // 0: the wall clock (TestServicesStarter's own default)
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if ("--enable-time-skipping".equalsIgnoreCase(arg)) {
        enableTimeSkipping = true;
      } else if (arg.startsWith("--start-at=")) {
        startAtMillis = Instant.parse(arg.substring("--start-at=".length())).toEpochMilli();
      } else {
        System.err.println("Unknown argument " + arg);
        System.exit(2);
      }
    }
    TestServicesStarter services = new TestServicesStarter(!enableTimeSkipping, startAtMillis);
    ServerBuilder<?> builder = Grpc.newServerBuilderForPort(port, InsecureServerCredentials.create());
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
    Server server = builder.build().start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.shutdown();
                  try {
                    server.awaitTermination(5, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  services.close();
                  server.shutdownNow();
                }));
    server.awaitTermination();
  }
}
