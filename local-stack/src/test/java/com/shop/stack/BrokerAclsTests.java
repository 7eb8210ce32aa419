package com.shop.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BrokerAclsTests {

	@Test
	void everyTopicHasExactlyOneWriterAndEachDeadLetterTopicTheConsumersOfItsSource() {
		assertThat(writersOf("orders")).containsExactly("User:order-service");
		assertThat(writersOf("inventory")).containsExactly("User:inventory-service");
		assertThat(writersOf("catalog.products")).containsExactly("User:inventory-service");
		assertThat(writersOf("payments")).containsExactly("User:payment-service");
		assertThat(writersOf("notifications")).containsExactly("User:notification-service");
		assertThat(writersOf("orders.DLT")).containsExactlyInAnyOrder("User:inventory-service", "User:payment-service",
				"User:notification-service");
		assertThat(writersOf("payments.DLT")).containsExactly("User:order-service");
	}

	@Test
	void aServiceReadsOnlyWhatItConsumesInItsOwnGroups() {
		List<AclBinding> payments = BrokerAcls.of(ServiceSpec.named("payment-service"));

		assertThat(payments).filteredOn((acl) -> acl.entry().operation() == AclOperation.READ)
			.extracting((acl) -> acl.pattern().resourceType() + " " + acl.pattern().name())
			.containsExactlyInAnyOrder("TOPIC orders", "GROUP payment-service");
		assertThat(BrokerAcls.of(ServiceSpec.named("notification-service")))
			.filteredOn((acl) -> acl.pattern().patternType() == PatternType.PREFIXED)
			.extracting((acl) -> acl.pattern().resourceType() + " " + acl.pattern().name())
			.containsExactly("GROUP notification-service-live-");
	}

	@Test
	void grantsNothingOnTheClusterAndNoWildcards() {
		assertThat(BrokerAcls.all()).allSatisfy((acl) -> {
			assertThat(acl.pattern().resourceType()).isIn(ResourceType.TOPIC, ResourceType.GROUP);
			assertThat(acl.pattern().name()).isNotEqualTo("*");
			assertThat(acl.entry().host()).isEqualTo("*");
			assertThat(acl.entry().operation()).isNotEqualTo(AclOperation.ALL);
		});
	}

	@Test
	void knowsTheTopicsEachServiceConfigures() throws IOException {
		for (ServiceSpec service : ServiceSpec.ALL) {
			String yaml = Files.readString(Path.of("..", service.name(), "src/main/resources/application.yml"));
			assertThat(topics(yaml, "owned-topics")).as(service.name()).isEqualTo(service.owned());
			assertThat(topics(yaml, "consumed-topics")).as(service.name()).isEqualTo(service.consumed());
		}
	}

	private static List<String> writersOf(String topic) {
		return BrokerAcls.all()
			.stream()
			.filter((acl) -> acl.pattern().resourceType() == ResourceType.TOPIC && acl.pattern().name().equals(topic)
					&& acl.entry().operation() == AclOperation.WRITE)
			.map((acl) -> acl.entry().principal())
			.toList();
	}

	private static List<String> topics(String yaml, String key) {
		Matcher matcher = Pattern.compile("(?m)^\\s+" + key + ":\\s*(.+)$").matcher(yaml);
		assertThat(matcher.find()).as(key).isTrue();
		return Arrays.stream(matcher.group(1).split(",")).map(String::trim).toList();
	}

}
