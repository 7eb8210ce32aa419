package com.shop.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProcessCpuTests {

	@Test
	void chargesTheCpuThisProcessBurnsToTheLoadGeneratorAndPerOrder() {
		ProcessCpu before = ProcessCpu.now();
		long sum = 0;
		long until = System.nanoTime() + 300_000_000L;
		while (System.nanoTime() < until) {
			sum += Long.numberOfTrailingZeros(sum + until);
		}
		List<ProcessCpu.Share> shares = ProcessCpu.now().since(before, 100);
		ProcessCpu.Share self = shares.stream()
			.filter((share) -> share.process().equals("load generator"))
			.findFirst()
			.orElseThrow();
		assertThat(self.cpuSeconds()).as("after %d", sum).isGreaterThan(0.2);
		assertThat(self.msPerOrder()).isCloseTo(self.cpuSeconds() * 1000 / 100, within(0.02));
		assertThat(shares).isSortedAccordingTo((a, b) -> Double.compare(b.cpuSeconds(), a.cpuSeconds()));
		assertThat(ProcessCpu.describe(List.of(self))).startsWith("load generator ").endsWith(" ms/order)");
	}

	@Test
	void aServiceIsTheJvmStartedWithItsExecutableJarNotAProcessThatMerelyNamesIt() {
		assertThat(ProcessCpu.service(List.of("-Xmx384m", "-jar", "/work/main/order-service/target/order-service.jar")))
			.hasValue("order-service");
		assertThat(ProcessCpu.service(List.of("-f", "order-service.jar|notification-service.jar"))).isEmpty();
		assertThat(ProcessCpu.service(List.of("-F", ".stack/logs/order-service.log"))).isEmpty();
	}

}
