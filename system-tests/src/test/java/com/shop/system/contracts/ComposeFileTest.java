package com.shop.system.contracts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks {@code docker-compose.yml} without a Docker engine: against the Compose
 * Specification schema, and against what the services really read and expose, so that
 * {@code docker compose up} is not the first place a wrong key or port shows up.
 */
class ComposeFileTest {

	/**
	 * Keys no application.yml names but every service reads: Spring Boot's OTLP trace
	 * exporter, on every service's classpath through the messaging module, is switched on
	 * by its endpoint; Boot's Kafka client settings carry the service's broker login;
	 * web-support's security reads the operator's password, which has no default.
	 */
	private static final List<String> BOOT_KEYS_EVERY_SERVICE_READS = List.of(
			"management.opentelemetry.tracing.export.otlp.endpoint", "spring.kafka.security.protocol",
			"spring.kafka.properties.sasl.mechanism", "spring.kafka.properties.sasl.jaas.config",
			"shop.security.admin-password");

	private static final String ONE_SHOT = "service_completed_successfully";

	private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{(\\w+):\\?[^}]*}");

	private static final Pattern PRINCIPAL_SCRIPT_LINE = Pattern
		.compile("(?m)^service (\\S+) \"\\$\\{\\w+:\\?}\" \"([^\"]*)\" \"([^\"]*)\"");

	private static final String DOCKERFILE = "docker/service.Dockerfile";

	private static final Pattern DATABASE_NAME = Pattern.compile("jdbc:postgresql://[^/]+/(\\w+)");

	private final JsonNode compose = ContractFiles.readYaml(ContractFiles.file("docker-compose.yml"));

	private final JsonNode services = this.compose.path("services");

	@Test
	void isValidAgainstTheComposeSpecification() {
		assertThat(ContractFiles.errors(ContractFiles.sharedSchema("compose-spec.json"), this.compose)).isEmpty();
	}

	@Test
	void buildsEveryServiceFromTheSharedDockerfileWithItsNameAndPort() {
		assertThat(ContractFiles.file(DOCKERFILE)).isRegularFile();
		for (String service : ContractFiles.SERVICES) {
			JsonNode build = this.services.path(service).path("build");
			assertThat(build.path("context").asString()).as(service).isEqualTo("./" + service);
			assertThat(build.path("dockerfile").asString()).as(service).isEqualTo("../" + DOCKERFILE);
			assertThat(build.path("args").path("SERVICE").asString()).as(service).isEqualTo(service);
			assertThat(build.path("args").path("PORT").asString()).as(service)
				.isEqualTo(String.valueOf(ContractFiles.serverPort(service)));
		}
		assertThat(dockerfile()).contains("COPY target/${SERVICE}.jar")
			.containsPattern("(?m)^ENV SERVER_PORT=\\$\\{PORT}$")
			.containsPattern("(?m)^EXPOSE \\$\\{PORT}$");
	}

	@Test
	void setsOnlyPropertiesTheServicesRead() {
		for (String service : ContractFiles.SERVICES) {
			Map<String, String> properties = new LinkedHashMap<>(ContractFiles.applicationProperties(service));
			BOOT_KEYS_EVERY_SERVICE_READS.forEach((key) -> properties.put(key, ""));
			for (String variable : environment(service).keySet()) {
				assertThat(variable).as(service).matches("(SPRING|SERVER|MANAGEMENT|SHOP)_[A-Z0-9_]+");
				assertThat(properties.keySet()).as("%s sets %s, which none of its properties binds", service, variable)
					.anySatisfy((property) -> assertThat(ContractFiles.bindsTo(variable, property)).isTrue());
			}
		}
	}

	@Test
	void publishesEachServiceOnItsServerPort() {
		for (String service : ContractFiles.SERVICES) {
			int port = ContractFiles.serverPort(service);
			assertThat(strings(this.services.path(service).path("ports"))).as(service)
				.containsExactly(port + ":" + port);
			String override = setting(service, "server.port");
			if (override != null) {
				assertThat(override).as(service).isEqualTo(String.valueOf(port));
			}
		}
	}

	@Test
	void servicesAreHealthyWhenTheirReadinessProbeIsUp() {
		for (String service : ContractFiles.SERVICES) {
			Map<String, String> properties = ContractFiles.applicationProperties(service);
			assertThat(properties.get("management.endpoints.web.exposure.include")).as(service).contains("health");
			assertThat(properties.get("management.endpoint.health.probes.enabled")).as(service).isEqualTo("true");
			String readiness = "http://localhost:" + ContractFiles.serverPort(service) + "/actuator/health/readiness";
			assertThat(String.join(" ", strings(this.services.path(service).path("healthcheck").path("test"))))
				.as(service)
				.contains(readiness);
			assertThat(dockerfile()).contains("HEALTHCHECK")
				.contains("http://localhost:${SERVER_PORT}/actuator/health/readiness");
		}
	}

	@Test
	void everyContainerHasAHealthCheck() {
		for (Map.Entry<String, JsonNode> container : this.services.properties()) {
			if (oneShot(container.getKey())) {
				continue;
			}
			assertThat(container.getValue().path("healthcheck").path("test").isMissingNode()).as(container.getKey())
				.isFalse();
		}
	}

	@Test
	void servicesStartOnceKafkaAndPostgresAreHealthy() {
		for (String service : ContractFiles.SERVICES) {
			JsonNode dependsOn = this.services.path(service).path("depends_on");
			for (String infrastructure : List.of("kafka", "postgres")) {
				assertThat(dependsOn.path(infrastructure).path("condition").asString())
					.as("%s depends on %s", service, infrastructure)
					.isEqualTo("service_healthy");
			}
		}
		for (Map.Entry<String, JsonNode> container : this.services.properties()) {
			for (Map.Entry<String, JsonNode> dependency : container.getValue().path("depends_on").properties()) {
				if (oneShot(dependency.getKey())) {
					assertThat(this.services.path(dependency.getKey()).path("restart").asString()).isEqualTo("no");
					continue;
				}
				assertThat(dependency.getValue().path("condition").asString())
					.as("%s depends on %s", container.getKey(), dependency.getKey())
					.isEqualTo("service_healthy");
				assertThat(this.services.path(dependency.getKey()).has("healthcheck")).isTrue();
			}
		}
	}

	@Test
	void everyServiceLogsInToTheBrokerAsItselfOnceItsLoginExists() {
		for (String service : ContractFiles.SERVICES) {
			assertThat(setting(service, "spring.kafka.security.protocol")).as(service).isEqualTo("SASL_PLAINTEXT");
			assertThat(setting(service, "spring.kafka.properties.sasl.mechanism")).as(service)
				.isEqualTo("SCRAM-SHA-512");
			String variable = service.replace('-', '_').toUpperCase(java.util.Locale.ROOT) + "_KAFKA_PASSWORD";
			assertThat(setting(service, "spring.kafka.properties.sasl.jaas.config")).as(service)
				.startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required")
				.contains("username=\"" + service + "\"", "password=\"${" + variable + ":?");
			assertThat(this.services.path(service).path("depends_on").path("kafka-init").path("condition").asString())
				.as(service)
				.isEqualTo(ONE_SHOT);
			assertThat(setting(service, "shop.security.admin-password")).as(service)
				.startsWith("${SHOP_ADMIN_PASSWORD:?");
		}
	}

	@Test
	void brokerLetsOnlyLoggedInClientsInAndAllowsOnlyWhatAnAclGrants() {
		Map<String, String> kafka = environment("kafka");
		assertThat(kafka)
			.containsEntry("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
			.containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
			.containsEntry("KAFKA_SUPER_USERS", "User:admin;User:controller")
			.containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
			.containsEntry("KAFKA_SASL_ENABLED_MECHANISMS", "SCRAM-SHA-512");
		assertThat(kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(","))
			.allSatisfy((listener) -> assertThat(listener).endsWith(":SASL_PLAINTEXT"));
		Map<String, String> ui = environment("kafka-ui");
		assertThat(ui).containsEntry("KAFKA_CLUSTERS_0_PROPERTIES_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
		assertThat(ui.get("KAFKA_CLUSTERS_0_PROPERTIES_SASL_JAAS_CONFIG")).contains("username=\"admin\"");
	}

	@Test
	void kafkaInitGrantsEachServiceItsOwnTopicsAndWhatItConsumes() {
		assertThat(strings(this.services.path("kafka-init").path("volumes")))
			.contains("./docker/kafka/create-principals.sh:/create-principals.sh:ro");
		Matcher line = PRINCIPAL_SCRIPT_LINE
			.matcher(ContractFiles.read(ContractFiles.file("docker/kafka/create-principals.sh")));
		Map<String, List<String>> granted = new LinkedHashMap<>();
		while (line.find()) {
			granted.put(line.group(1), List.of(line.group(2), line.group(3)));
		}
		assertThat(granted.keySet()).containsExactlyInAnyOrderElementsOf(ContractFiles.SERVICES);
		for (String service : ContractFiles.SERVICES) {
			assertThat(words(granted.get(service).get(0))).as("%s writes", service)
				.isEqualTo(ContractFiles.listProperty(service, "shop.messaging.owned-topics"));
			assertThat(words(granted.get(service).get(1))).as("%s reads", service)
				.isEqualTo(ContractFiles.listProperty(service, "shop.messaging.consumed-topics"));
		}
	}

	@Test
	void everyPasswordTheComposeFileNeedsIsInTheEnvExample() {
		String example = ContractFiles.read(ContractFiles.file(".env.example"));
		Matcher variable = REQUIRED_VARIABLE.matcher(ContractFiles.read(ContractFiles.file("docker-compose.yml")));
		List<String> needed = new ArrayList<>();
		while (variable.find()) {
			needed.add(variable.group(1));
		}
		assertThat(needed).contains("KAFKA_ADMIN_PASSWORD", "KAFKA_CONTROLLER_PASSWORD",
				"ORDER_SERVICE_KAFKA_PASSWORD");
		assertThat(needed).allSatisfy((name) -> assertThat(example).containsPattern("(?m)^" + name + "=\\S+$"));
	}

	/** A container that runs once, which others wait to complete. */
	private boolean oneShot(String name) {
		for (Map.Entry<String, JsonNode> container : this.services.properties()) {
			if (ONE_SHOT.equals(container.getValue().path("depends_on").path(name).path("condition").asString())) {
				return true;
			}
		}
		return false;
	}

	private static java.util.Set<String> words(String text) {
		return new java.util.TreeSet<>(List.of(text.trim().split("\\s+")));
	}

	@Test
	void servicesReachTheBrokerDatabaseAndMailServerOfTheCompose() {
		String advertised = this.services.path("kafka")
			.path("environment")
			.path("KAFKA_ADVERTISED_LISTENERS")
			.asString();
		String createDatabases = ContractFiles.read(ContractFiles.file("docker/postgres/create-databases.sql"));
		assertThat(strings(this.services.path("postgres").path("volumes")))
			.contains("./docker/postgres:/docker-entrypoint-initdb.d:ro");
		for (String service : ContractFiles.SERVICES) {
			String database = databaseName(ContractFiles.applicationProperties(service).get("spring.datasource.url"));
			assertThat(setting(service, "spring.datasource.url")).as(service)
				.isEqualTo("jdbc:postgresql://postgres:5432/" + database);
			assertThat(createDatabases).as(service).contains("CREATE DATABASE " + database + ";");
			String bootstrap = setting(service, "spring.kafka.bootstrap-servers");
			assertThat(bootstrap).as(service).startsWith("kafka:");
			assertThat(advertised).as(service).contains("://" + bootstrap);
		}
		assertThat(setting("notification-service", "spring.mail.host")).isEqualTo("mailpit");
		String mailPort = setting("notification-service", "spring.mail.port");
		assertThat(strings(this.services.path("mailpit").path("ports"))).contains(mailPort + ":" + mailPort);
		assertThat(this.services.path("notification-service")
			.path("depends_on")
			.path("mailpit")
			.path("condition")
			.asString()).isEqualTo("service_healthy");
	}

	@Test
	void imagesArePinnedToAVersion() {
		List<String> images = new ArrayList<>();
		this.services.properties().forEach((container) -> images.add(container.getValue().path("image").asString()));
		Matcher from = Pattern.compile("(?m)^FROM (\\S+)").matcher(dockerfile());
		while (from.find()) {
			images.add(from.group(1));
		}
		assertThat(images).allSatisfy(
				(image) -> assertThat(image).matches("[\\w./-]+:[\\w.-]*\\d[\\w.-]*").doesNotEndWith(":latest"));
	}

	private Map<String, String> environment(String service) {
		JsonNode variables = this.services.path(service).path("environment");
		// the map form, so that each variable is checked by name
		assertThat(variables.isObject()).as(service + " environment").isTrue();
		Map<String, String> environment = new LinkedHashMap<>();
		variables.properties()
			.forEach((variable) -> environment.put(variable.getKey(), variable.getValue().asString()));
		return environment;
	}

	/** The value the compose file gives that property of the service, or null. */
	private String setting(String service, String property) {
		return environment(service).entrySet()
			.stream()
			.filter((variable) -> ContractFiles.bindsTo(variable.getKey(), property))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	private static List<String> strings(JsonNode array) {
		List<String> strings = new ArrayList<>();
		array.forEach((item) -> strings.add(item.asString()));
		return strings;
	}

	private static String dockerfile() {
		return ContractFiles.read(ContractFiles.file(DOCKERFILE));
	}

	private static String databaseName(String url) {
		Matcher matcher = DATABASE_NAME.matcher(url);
		assertThat(matcher.matches()).as(url).isTrue();
		return matcher.group(1);
	}

}
