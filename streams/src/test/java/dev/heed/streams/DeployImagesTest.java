package dev.heed.streams;

import static dev.heed.streams.DeployFilesTest.compose;
import static dev.heed.streams.DeployFilesTest.container;
import static dev.heed.streams.DeployFilesTest.deploy;
import static dev.heed.streams.DeployFilesTest.dockerfile;
import static dev.heed.streams.DeployFilesTest.httpPort;
import static dev.heed.streams.DeployFilesTest.kafkaMajor;
import static dev.heed.streams.DeployFilesTest.root;
import static dev.heed.streams.DeployFilesTest.strings;
import static dev.heed.streams.DeployFilesTest.texts;
import static dev.heed.streams.DeployFilesTest.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The images and the compose wiring: what the files build, run and connect. */
class DeployImagesTest {
    @Test
    void shouldBuildTheApplicationAndRunItAsANonRootUserWithTheModelOnAVolume() throws IOException {
        for (String name : List.of("Dockerfile", "Dockerfile.gpu")) {
            Dockerfile d = dockerfile(name);
            assertThat(d.all("FROM")).as(name).hasSize(2);
            assertThat(d.all("FROM").get(0))
                    .as(name)
                    .startsWith("maven:")
                    .contains("17")
                    .endsWith("AS build");
            assertThat(String.join(" ", d.all("RUN")))
                    .as(name)
                    .contains("-DskipTests -pl streams -am package");
            assertThat(d.all("USER")).as(name).hasSize(1).doesNotContain("root", "0");
            Map<String, String> env = HeedConfig.fromEnv(d.env());
            Path modelDir = Path.of(env.get(HeedKeys.MODEL_DIR));
            String volumes = String.join(" ", d.all("VOLUME"));
            assertThat(volumes).as(name).contains("\"" + modelDir.getParent() + "\"");
            assertThat(volumes)
                    .as(name)
                    .contains("\"" + Path.of(env.get("state.dir")).getParent() + "\"");
            String copies = String.join("\n", d.all("COPY"));
            Matcher model =
                    Pattern.compile(
                                    "(\\S+) " + Pattern.quote(modelDir.toString()) + "$",
                                    Pattern.MULTILINE)
                            .matcher(copies);
            assertThat(model.find()).as("%s copies a model to %s", name, modelDir).isTrue();
            assertThat(root().resolve(model.group(1)).resolve("model.json")).isRegularFile();
            String entry = String.join(" ", d.all("ENTRYPOINT"));
            assertThat(entry)
                    .contains(
                            "-Dai.djl.offline=true",
                            "-Dai.djl.pytorch.num_threads=1",
                            "-Dai.djl.pytorch.num_interop_threads=1",
                            "\"-jar\", \"/opt/heed/heed.jar\"");
            // the runtime jar, not the launcher's full one (eval/target/heed.jar)
            assertThat(copies)
                    .contains(
                            "/src/streams/target/heed-run.jar /opt/heed/heed.jar",
                            "/src/streams/target/lib /opt/heed/lib");
            assertThat(copies).as(name).doesNotContain("eval/target", "samples");
            assertThat(d.all("CMD")).containsExactly("[\"run\"]");
        }
        assertThat(dockerfile("Dockerfile").runtimeImage()).isEqualTo("eclipse-temurin:17-jre");
    }

    @Test
    void shouldBuildTheGpuImageWithTheGpuProfileOnTheCudaVersionItsNativesNeed()
            throws IOException {
        Dockerfile gpu = dockerfile("Dockerfile.gpu");
        assertThat(String.join(" ", gpu.all("RUN")))
                .contains("-Pgpu -DskipTests -pl streams -am package");
        String pom = Files.readString(root().resolve("pom.xml"));
        Matcher cu =
                Pattern.compile("<pytorch.native.artifact>pytorch-native-cu(\\d+)(\\d)<")
                        .matcher(pom);
        assertThat(cu.find()).as("the gpu profile names its CUDA natives").isTrue();
        assertThat(gpu.runtimeImage())
                .startsWith("nvidia/cuda:" + cu.group(1) + "." + cu.group(2) + ".")
                .contains("runtime");
        assertThat(HeedConfig.fromEnv(gpu.env())).containsEntry(HeedKeys.DEVICE, "gpu");
        JsonNode limits = container("deployment-gpu.yaml").path("resources").path("limits");
        assertThat(limits.path("nvidia.com/gpu").asInt()).isEqualTo(1);
        assertThat(container("deployment-gpu.yaml").path("image").asText()).startsWith("heed-gpu:");
        assertThat(container("deployment.yaml").path("image").asText())
                .isEqualTo(compose().path("services").path("heed").path("image").asText());
    }

    @Test
    void shouldWireComposeHeedToAKraftBrokerOfTheKafkaVersionHeedIsBuiltWith() throws IOException {
        JsonNode services = compose().path("services");
        assertThat(services.path("kafka").path("image").asText())
                .matches("apache/kafka:" + kafkaMajor() + "\\.\\d+\\.\\d+");
        Map<String, String> kafka = strings(services.path("kafka").path("environment"));
        assertThat(kafka.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        JsonNode heed = services.path("heed");
        Map<String, String> env = HeedConfig.fromEnv(strings(heed.path("environment")));
        assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS"))
                .contains("://" + env.get("bootstrap.servers"));
        assertThat(heed.path("deploy").path("replicas").asInt())
                .isEqualTo(2)
                .isLessThanOrEqualTo(Integer.parseInt(env.get(HeedKeys.TOPIC_PARTITIONS)));
        assertThat(Integer.parseInt(env.get(HeedKeys.TOPIC_REPLICATION))).isEqualTo(1);
        assertThat(
                        root().resolve("deploy")
                                .resolve(heed.path("build").path("context").asText())
                                .resolve(heed.path("build").path("dockerfile").asText()))
                .isRegularFile();
        assertThat(heed.path("depends_on").path("kafka").path("condition").asText())
                .isEqualTo("service_healthy");
    }

    @Test
    void shouldScrapeEveryHeedReplicaAndProvisionGrafanaFromPrometheus() throws IOException {
        JsonNode services = compose().path("services");
        JsonNode job = yaml(Path.of("prometheus/prometheus.yml")).path("scrape_configs").get(0);
        assertThat(job.path("metrics_path").asText()).isEqualTo("/metrics");
        JsonNode sd = job.path("dns_sd_configs").get(0);
        assertThat(texts(sd.path("names"))).containsExactly("heed");
        assertThat(services.has("heed")).isTrue();
        assertThat(sd.path("port").asInt())
                .isEqualTo(
                        httpPort(
                                HeedConfig.fromEnv(
                                        strings(services.path("heed").path("environment")))));
        assertThat(mountSource(services.path("prometheus"), "/etc/prometheus/prometheus.yml"))
                .isEqualTo("./prometheus/prometheus.yml");

        JsonNode ds =
                yaml(Path.of("grafana/provisioning/datasources/prometheus.yaml"))
                        .path("datasources")
                        .get(0);
        assertThat(ds.path("type").asText()).isEqualTo("prometheus");
        assertThat(ds.path("url").asText())
                .isEqualTo(
                        "http://prometheus:"
                                + services.path("prometheus")
                                        .path("ports")
                                        .get(0)
                                        .asText()
                                        .split(":")[1]);
        JsonNode provider =
                yaml(Path.of("grafana/provisioning/dashboards/heed.yaml")).path("providers").get(0);
        String dashboards = provider.path("options").path("path").asText();
        JsonNode grafana = services.path("grafana");
        assertThat(deploy().resolve(mountSource(grafana, dashboards))).isDirectory();
        assertThat(
                        deploy().resolve(mountSource(grafana, "/etc/grafana/provisioning"))
                                .resolve("dashboards/heed.yaml"))
                .isRegularFile();
    }

    @Test
    void shouldShipAnExecutableLocalBrokerScriptThatRunsKafkaItself() throws IOException {
        Path script = deploy().resolve("local-broker.sh");
        assertThat(Files.isExecutable(script)).isTrue();
        assertThat(Files.readString(script))
                .contains(
                        "kafka.tools.StorageTool format",
                        "kafka.Kafka",
                        "streams/target/lib",
                        "start)",
                        "stop)",
                        "status)");
    }

    /** The host side of the volume that {@code service} mounts at {@code target}. */
    private static String mountSource(JsonNode service, String target) {
        for (JsonNode v : service.path("volumes")) {
            String[] parts = v.asText().split(":");
            if (parts[1].equals(target)) {
                return parts[0];
            }
        }
        throw new AssertionError("no volume mounted at " + target + " in " + service);
    }
}
