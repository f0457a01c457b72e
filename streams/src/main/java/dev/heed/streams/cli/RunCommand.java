package dev.heed.streams.cli;

import dev.heed.streams.HeedApp;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.HeedKeys;
import dev.heed.streams.ModelSource;
import dev.heed.streams.RouteCounters;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code heed run}: the application, until SIGTERM or Ctrl-C. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the sensor topology (embedded broker unless bootstrap.servers is set).")
final class RunCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Override
  public Integer call() throws Exception {
    HeedConfig config = options.load();
    ModelSource models = ModelSource.of(HeedApp.loadModel(config));
    HeedApp app = HeedApp.start(config, models, new RouteCounters());
    app.watchModel(HeedApp.modelDir(config));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.close();
      models.close();
      stopped.countDown();
    }, "heed-shutdown"));
    System.err.printf("heed: %s on %s; reading %s, writing %s and %s. Ctrl-C stops.%n",
        app.embedded() ? "embedded broker" : "cluster",
        app.config().getString("bootstrap.servers"),
        config.getString(HeedKeys.TOPIC_SENSORS), config.getString(HeedKeys.TOPIC_PREDICTIONS),
        config.getString(HeedKeys.TOPIC_DLQ));
    stopped.await();
    return 0;
  }
}
