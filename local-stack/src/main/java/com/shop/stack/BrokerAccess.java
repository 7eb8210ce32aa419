package com.shop.stack;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

/**
 * Gives each service its broker login and ACLs, as admin, on every start: both calls are
 * idempotent, so a stack whose services or rules changed since the storage was formatted
 * is brought up to date, and a service's password always matches the secrets file.
 */
final class BrokerAccess {

	private static final int ITERATIONS = 8192;

	private BrokerAccess() {
	}

	static void grant(KafkaUsers users) throws StackException {
		Map<String, Object> config = new java.util.HashMap<>(users.clientSettings(KafkaUsers.ADMIN));
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BrokerConfig.BOOTSTRAP);
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
		try (Admin admin = Admin.create(config)) {
			List<UserScramCredentialAlteration> logins = ServiceSpec.ALL.stream()
				.<UserScramCredentialAlteration>map((service) -> new UserScramCredentialUpsertion(service.name(),
						new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS),
						users.password(service.name())))
				.toList();
			admin.alterUserScramCredentials(logins).all().get(20, TimeUnit.SECONDS);
			admin.createAcls(BrokerAcls.all()).all().get(20, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new StackException("Could not create the services' Kafka users and ACLs: "
					+ ((ex.getCause() != null) ? ex.getCause().getMessage() : ex.getMessage()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StackException("Interrupted while creating the services' Kafka users and ACLs");
		}
	}

}
