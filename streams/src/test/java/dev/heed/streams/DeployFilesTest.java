package dev.heed.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * The deploy files (deploy/) against the application: every image, port, environment variable,
 * config key and health path they use is one the application has, and they agree with each other.
 */
class DeployFilesTest {
    private static final Path ROOT = Path.of("..");
    private static final Path DEPLOY = ROOT.resolve("deploy");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The HTTP server's paths (liveness, readiness backed by the Kafka Streams state, metrics). */
    private static final Set<String> HEALTH_PATHS = Set.of("/health/live", "/health/ready");

    private static final String METRICS_PATH = "/metrics";

    /** The HTTP server's keys and defaults, until they are in {@link HeedKeys#DEFAULTS}. */
    private static final Map<String, String> HTTP_DEFAULTS =
            Map.of("http.host", "127.0.0.1", "http.port", "8080");

    private static final Pattern URL = Pattern.compile("http://[^\\s\"']+");

    @Test
    void shouldUseOnlyEnvironmentVariablesThatMapToKeysHeedOrKafkaReads() throws IOException {
        Map<String, Map<String, String>> sources = new HashMap<>();
        sources.put("Dockerfile", dockerfile("Dockerfile").env());
        sources.put("Dockerfile.gpu", dockerfile("Dockerfile.gpu").env());
        sources.put(
                "compose heed",
                strings(compose().path("services").path("heed").path("environment")));
        for (String k8s : List.of("deployment.yaml", "deployment-gpu.yaml")) {
            Map<String, String> env = new HashMap<>();
            container(k8s)
                    .path("env")
                    .forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
            sources.put(k8s, env);
        }
        sources.forEach(
                (where, env) -> {
                    Map<String, String> heedKeys = HeedConfig.fromEnv(env);
                    assertThat(heedKeys).as("%s sets HEED_* variables", where).isNotEmpty();
                    heedKeys.keySet()
                            .forEach(
                                    k ->
                                            assertThat(isKnownKey(k))
                                                    .as(
                                                            "%s: HEED_ variable for '%s' names a key Heed or Kafka reads",
                                                            where, k)
                                                    .isTrue());
                    assertThat(HeedConfig.of(heedKeys).asMap())
                            .as(where)
                            .containsAllEntriesOf(heedKeys);
                    assertThat(heedKeys.getOrDefault("http.host", "0.0.0.0"))
                            .as("%s: containers listen on every interface", where)
                            .isEqualTo("0.0.0.0");
                });
    }

    @Test
    void shouldGiveEveryDeploymentBoundBeyondLocalhostATokenOrAnOpenDashboard() throws IOException {
        Map<String, Map<String, String>> sources = new HashMap<>();
        sources.put(
                "compose heed",
                strings(compose().path("services").path("heed").path("environment")));
        for (String k8s : List.of("deployment.yaml", "deployment-gpu.yaml")) {
            Map<String, String> env = new HashMap<>();
            container(k8s)
                    .path("env")
                    .forEach(
                            e ->
                                    env.put(
                                            e.path("name").asText(),
                                            e.has("valueFrom")
                                                    ? "from-secret"
                                                    : e.path("value").asText()));
            sources.put(k8s, env);
        }
        sources.forEach(
                (where, env) ->
                        assertThat(
                                        dev.heed.streams.web.HttpSettings.of(
                                                        HeedConfig.of(HeedConfig.fromEnv(env)))
                                                .host())
                                .as(where)
                                .isEqualTo("0.0.0.0"));
    }

    @Test
    void shouldUseOnlyKeysHeedOrKafkaReadsInTheKubernetesConfigMap() throws IOException {
        Map<String, String> props = configMapProperties();
        props.keySet().forEach(k -> assertThat(isKnownKey(k)).as("configmap key %s", k).isTrue());
        HeedConfig config = HeedConfig.of(props);
        assertThat(config.getString("http.host")).isEqualTo("0.0.0.0");
        assertThat(config.getString("processing.guarantee")).isEqualTo("exactly_once_v2");
        assertThat(replicas("deployment.yaml"))
                .as("replicas beyond topic.partitions would idle")
                .isLessThanOrEqualTo(config.getPositiveInt(HeedKeys.TOPIC_PARTITIONS));
        assertThat(container("deployment.yaml").path("args").toString())
                .contains("/etc/heed/heed.properties");
        assertThat(volumeMountPath("deployment.yaml", "config")).isEqualTo("/etc/heed");
        assertThat(Path.of(config.getString("state.dir")))
                .startsWithRaw(Path.of(volumeMountPath("deployment.yaml", "state")));
    }

    @Test
    void shouldKeepAWarmStandbyOfEachInstancesStateWhereThereAreSeveral() throws IOException {
        assertThat(replicas("deployment.yaml")).isGreaterThan(1);
        assertThat(configMapProperties()).containsEntry("num.standby.replicas", "1");
        JsonNode heed = compose().path("services").path("heed");
        assertThat(heed.path("deploy").path("replicas").asInt()).isGreaterThan(1);
        assertThat(strings(heed.path("environment")))
                .containsEntry("HEED_NUM_STANDBY_REPLICAS", "1");
    }

    @Test
    void shouldProbeTheHealthPathsOnTheHttpPortEverywhere() throws IOException {
        int port = httpPort(Map.of());
        for (String name : List.of("Dockerfile", "Dockerfile.gpu")) {
            Dockerfile d = dockerfile(name);
            assertThat(httpPort(HeedConfig.fromEnv(d.env()))).as(name).isEqualTo(port);
            assertThat(d.all("EXPOSE")).as(name).containsExactly(Integer.toString(port));
            assertThat(d.all("HEALTHCHECK")).as(name).hasSize(1);
            assertHealthUrl(name, d.all("HEALTHCHECK").get(0), port);
        }
        JsonNode heed = compose().path("services").path("heed");
        assertThat(httpPort(HeedConfig.fromEnv(strings(heed.path("environment"))))).isEqualTo(port);
        assertHealthUrl("compose", heed.path("healthcheck").path("test").toString(), port);
        assertThat(heed.path("ports").get(0).asText()).endsWith(":" + port);

        int k8sPort = httpPort(configMapProperties());
        assertThat(k8sPort).isEqualTo(port);
        for (String k8s : List.of("deployment.yaml", "deployment-gpu.yaml")) {
            JsonNode c = container(k8s);
            assertThat(c.path("ports").get(0).path("containerPort").asInt())
                    .as(k8s)
                    .isEqualTo(port);
            assertThat(c.path("ports").get(0).path("name").asText()).isEqualTo("http");
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                JsonNode get = c.path(probe).path("httpGet");
                assertThat(get.path("port").asText())
                        .as("%s %s port", k8s, probe)
                        .isEqualTo("http");
                assertThat(get.path("path").asText())
                        .as("%s %s path", k8s, probe)
                        .isIn(HEALTH_PATHS);
            }
            assertThat(c.path("readinessProbe").path("httpGet").path("path").asText())
                    .isEqualTo("/health/ready");
        }
        JsonNode service = k8s("service.yaml");
        assertThat(service.path("spec").path("ports").get(0).path("targetPort").asText())
                .isEqualTo("http");
        assertThat(service.path("metadata").path("annotations").path("prometheus.io/path").asText())
                .isEqualTo(METRICS_PATH);
    }

    private static void assertHealthUrl(String where, String text, int port) {
        Matcher m = URL.matcher(text);
        assertThat(m.find()).as("%s health check has a URL: %s", where, text).isTrue();
        URI uri = URI.create(m.group());
        assertThat(uri.getPort()).as(where).isEqualTo(port);
        assertThat(uri.getPath()).as(where).isIn(HEALTH_PATHS);
    }

    static boolean isKnownKey(String key) {
        return HeedKeys.DEFAULTS.containsKey(key)
                || HTTP_DEFAULTS.containsKey(key)
                || StreamsConfig.configDef().names().contains(key)
                || ConsumerConfig.configNames().contains(key)
                || ProducerConfig.configNames().contains(key)
                || AdminClientConfig.configNames().contains(key);
    }

    static int httpPort(Map<String, String> heedKeys) {
        Map<String, String> all = new HashMap<>(HTTP_DEFAULTS);
        HeedKeys.DEFAULTS.forEach(
                (k, v) -> {
                    if (!v.isEmpty()) {
                        all.put(k, v);
                    }
                });
        all.putAll(heedKeys);
        return Integer.parseInt(all.get("http.port"));
    }

    static String kafkaMajor() {
        return AppInfoParser.getVersion().split("\\.")[0];
    }

    static Dockerfile dockerfile(String name) throws IOException {
        return Dockerfile.read(DEPLOY.resolve("docker").resolve(name));
    }

    static JsonNode compose() throws IOException {
        return YAML.readTree(DEPLOY.resolve("compose.yaml").toFile());
    }

    static JsonNode yaml(Path relative) throws IOException {
        return YAML.readTree(DEPLOY.resolve(relative).toFile());
    }

    static JsonNode k8s(String name) throws IOException {
        return YAML.readTree(DEPLOY.resolve("k8s").resolve(name).toFile());
    }

    static JsonNode container(String deployment) throws IOException {
        return k8s(deployment).path("spec").path("template").path("spec").path("containers").get(0);
    }

    static int replicas(String deployment) throws IOException {
        return k8s(deployment).path("spec").path("replicas").asInt();
    }

    static String volumeMountPath(String deployment, String volume) throws IOException {
        for (JsonNode m : container(deployment).path("volumeMounts")) {
            if (m.path("name").asText().equals(volume)) {
                return m.path("mountPath").asText();
            }
        }
        throw new AssertionError(deployment + " mounts no volume " + volume);
    }

    static Map<String, String> configMapProperties() throws IOException {
        Properties p = new Properties();
        p.load(
                new StringReader(
                        k8s("configmap.yaml").path("data").path("heed.properties").asText()));
        Map<String, String> out = new HashMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k).trim()));
        return out;
    }

    static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new HashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static Path root() {
        return ROOT;
    }

    static Path deploy() {
        return DEPLOY;
    }
}
