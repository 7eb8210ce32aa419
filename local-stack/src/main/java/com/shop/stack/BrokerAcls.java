package com.shop.stack;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * What each service's principal may do on the broker, and nothing more: one writer per
 * topic. A service writes and creates its own topics and the dead-letter topics of those
 * it consumes (a consumer that gives up writes {@code <topic>.DLT}, so a source topic
 * read by several services has as many dead-letter writers), reads the topics it consumes
 * (READ implies DESCRIBE), and reads in its own consumer group (plus the documented group
 * prefixes). Every name is literal except those prefixes. Creating topics at start is
 * describe then create (Spring's {@code KafkaAdmin}); an idempotent producer needs only
 * WRITE on a topic.
 */
final class BrokerAcls {

	private BrokerAcls() {
	}

	static List<AclBinding> all() {
		List<AclBinding> bindings = new ArrayList<>();
		ServiceSpec.ALL.forEach((service) -> bindings.addAll(of(service)));
		return bindings;
	}

	static List<AclBinding> of(ServiceSpec service) {
		String principal = "User:" + service.name();
		List<AclBinding> bindings = new ArrayList<>();
		for (String topic : service.owned()) {
			topic(bindings, principal, topic, AclOperation.WRITE, AclOperation.CREATE, AclOperation.DESCRIBE);
		}
		for (String topic : service.consumed()) {
			topic(bindings, principal, topic, AclOperation.READ);
			topic(bindings, principal, topic + DeadLetter.SUFFIX, AclOperation.WRITE, AclOperation.CREATE,
					AclOperation.DESCRIBE);
		}
		bindings.add(allow(new ResourcePattern(ResourceType.GROUP, service.name(), PatternType.LITERAL), principal,
				AclOperation.READ));
		for (String prefix : service.groupPrefixes()) {
			bindings.add(allow(new ResourcePattern(ResourceType.GROUP, prefix, PatternType.PREFIXED), principal,
					AclOperation.READ));
		}
		return bindings;
	}

	private static void topic(List<AclBinding> bindings, String principal, String topic, AclOperation... operations) {
		for (AclOperation operation : operations) {
			bindings
				.add(allow(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL), principal, operation));
		}
	}

	private static AclBinding allow(ResourcePattern resource, String principal, AclOperation operation) {
		return new AclBinding(resource, new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
	}

}
