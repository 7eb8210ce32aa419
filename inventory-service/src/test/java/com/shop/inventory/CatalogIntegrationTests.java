package com.shop.inventory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.shop.events.Envelope;
import com.shop.events.EventJson;
import com.shop.events.Money;
import com.shop.events.ProductUpserted;
import com.shop.events.Topics;
import com.shop.inventory.ProductsApi.ProductJson;
import com.shop.testsupport.IntegrationTest;
import com.shop.testsupport.TopicRecorder;
import com.shop.testsupport.TestAdmin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.shop.inventory.ProductsApi.details;
import static com.shop.testsupport.TopicRecorder.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The product API and the catalog topic, against the running service with real PostgreSQL
 * and Kafka.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final Set<String> SEEDED = Set.of("KB-001", "MS-002", "MN-003", "HD-004", "CB-005", "DS-006",
			"WC-007", "SSD-008", "LMP-009", "CH-010", "MIC-011", "GPU-012", "DOCK-013");

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	private ProductsApi api;

	private RestTestClient client;

	private TopicRecorder catalogTopic;

	@BeforeAll
	void start() {
		this.api = new ProductsApi(this.port);
		this.client = this.api.client();
		this.catalogTopic = TopicRecorder.record(Topics.CATALOG_PRODUCTS);
	}

	@AfterAll
	void stop() {
		this.catalogTopic.close();
	}

	@Test
	void seededProductsArePublishedOnceWithCloudEventsHeaders() {
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(publishedSkus()).containsAll(SEEDED));

		assertThat(this.catalog.publishPending()).as("nothing left to publish").isZero();
		ConsumerRecord<String, byte[]> keyboard = single("KB-001");
		assertThat(header(keyboard, Envelope.SPECVERSION)).isEqualTo("1.0");
		assertThat(header(keyboard, Envelope.ID)).matches("[0-9a-f-]{36}");
		assertThat(header(keyboard, Envelope.SOURCE)).isEqualTo("/inventory-service");
		assertThat(header(keyboard, Envelope.TYPE)).isEqualTo("shop.catalog.product-upserted.v1");
		assertThat(header(keyboard, Envelope.SUBJECT)).isEqualTo("KB-001");
		assertThat(header(keyboard, Envelope.TIME)).isNotBlank();
		assertThat(header(keyboard, Envelope.CONTENT_TYPE)).isEqualTo("application/json");
		assertThat(payload(keyboard))
			.isEqualTo(new ProductUpserted("KB-001", "Mechanical keyboard", Money.of("89.90", "EUR"), true));
		assertThat(payload(single("DOCK-013")))
			.isEqualTo(new ProductUpserted("DOCK-013", "Legacy docking station", Money.of("120.00", "EUR"), false));
		SEEDED.forEach(this::single);
	}

	@Test
	void listsAllProductsSortedBySku() {
		List<ProductJson> products = this.client.get()
			.uri("/api/products")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<ProductJson>>() {
			})
			.returnResult()
			.getResponseBody();

		assertThat(products).extracting(ProductJson::sku).containsAll(SEEDED).isSorted();
		assertThat(products).filteredOn((product) -> product.sku().equals("GPU-012"))
			.containsExactly(new ProductJson("GPU-012", "Graphics card", Money.of("649.00", "EUR"), 0, 0, 0, true));
	}

	@Test
	void showsAProductWithItsPriceAsADecimalStringAndItsStock() {
		this.client.get().uri("/api/products/KB-001").exchange().expectStatus().isOk().expectBody().json("""
				{"sku": "KB-001", "name": "Mechanical keyboard", "unitPrice": {"amount": "89.90", "currency": "EUR"},
				 "onHand": 50, "reserved": 0, "available": 50, "active": true}
				""");
	}

	@Test
	void anUnknownProductIsNotFound() {
		this.client.get()
			.uri("/api/products/NOPE-404")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.detail")
			.isEqualTo("product NOPE-404 does not exist");
	}

	@Test
	void putCreatesAProductWithoutStockAndPublishesIt() {
		String sku = ProductsApi.uniqueSku("NEW");

		this.api.put(sku, details("Trackball", "42.5", "USD", true))
			.expectStatus()
			.isCreated()
			.expectHeader()
			.value("Location", (location) -> assertThat(location).endsWith("/api/products/" + sku))
			.expectBody(ProductJson.class)
			.isEqualTo(new ProductJson(sku, "Trackball", Money.of("42.50", "USD"), 0, 0, 0, true));

		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(published(sku))
				.containsExactly(new ProductUpserted(sku, "Trackball", Money.of("42.50", "USD"), true)));
		assertThat(this.api.get(sku).onHand()).isZero();
	}

	@Test
	void putUpdatesAProductKeepsItsStockAndPublishesTheChange() {
		String sku = ProductsApi.uniqueSku("UPD");
		this.api.create(sku, 5);

		this.api.put(sku, details("Renamed", "12.34", "EUR", false))
			.expectStatus()
			.isOk()
			.expectBody(ProductJson.class)
			.isEqualTo(new ProductJson(sku, "Renamed", Money.of("12.34", "EUR"), 5, 0, 5, false));

		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(published(sku)).hasSize(3)
				.last()
				.isEqualTo(new ProductUpserted(sku, "Renamed", Money.of("12.34", "EUR"), false)));
	}

	@Test
	void restockAddsUnitsAndPublishesTheProduct() {
		String sku = ProductsApi.uniqueSku("RST");
		this.api.create(sku, 0);

		this.api.restock(sku, 7)
			.expectStatus()
			.isOk()
			.expectBody(ProductJson.class)
			.value((product) -> assertThat(product.onHand()).isEqualTo(7))
			.value((product) -> assertThat(product.available()).isEqualTo(7));

		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(published(sku)).hasSize(2));
	}

	@Test
	void restockOfAnUnknownProductIsNotFound() {
		this.api.restock("NOPE-404", 1)
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void anInvalidProductIsRejectedWithEveryOffendingField() {
		String sku = ProductsApi.uniqueSku("BAD");

		this.api.put(sku, Map.of("name", "", "unitPrice", Map.of("amount", "0", "currency", "eur")))
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value(fieldsAre("name", "unitPrice.amount", "unitPrice.currency", "active"));

		this.client.get().uri("/api/products/{sku}", sku).exchange().expectStatus().isNotFound();
	}

	@Test
	void aPriceMustBeADecimalStringWithAtMostTwoDecimalsBelowAMillion() {
		for (Object amount : List.of("1.999", "1000000", "1000000.00", -5, 42.5, "abc")) {
			this.api.put(ProductsApi.uniqueSku("PRC"), details("Pricey", amount, "EUR", true))
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[*].field")
				.value(fieldsInclude("unitPrice.amount"));
		}
	}

	@Test
	void aNameLongerThan200CharactersIsRejected() {
		this.api.put(ProductsApi.uniqueSku("LONG"), details("x".repeat(201), "1.00", "EUR", true))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value(fieldsAre("name"));
	}

	@Test
	void aSkuOutsideThePatternIsRejected() {
		for (String sku : List.of("bad_sku", "a".repeat(65))) {
			this.api.put(sku, details("Odd", "1.00", "EUR", true))
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.errors[*].field")
				.value(fieldsAre("sku"));
		}
	}

	@Test
	void aRestockQuantityOutsideOneToAMillionIsRejected() {
		String sku = ProductsApi.uniqueSku("QTY");
		this.api.create(sku, 0);

		for (int quantity : new int[] { 0, -1, 1_000_001 }) {
			this.api.restock(sku, quantity)
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[*].field")
				.value(fieldsAre("quantity"));
		}
		assertThat(this.api.get(sku).onHand()).isZero();
	}

	@Test
	void aBodyThatIsNotJsonIsRejected() {
		this.client.put()
			.uri("/api/products/{sku}", ProductsApi.uniqueSku("CT"))
			.header("Authorization", TestAdmin.authorization())
			.contentType(MediaType.TEXT_PLAIN)
			.body("name=Plain")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);

		this.api.put(ProductsApi.uniqueSku("JSON"), "{\"name\": ")
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void healthMetricsAndApiDocsAreServed() {
		this.client.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.get()
			.uri("/actuator/prometheus")
			.header("Authorization", TestAdmin.authorization())
			.exchange()
			.expectStatus()
			.isOk();
		this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/api/products/{sku}'].put")
			.exists()
			.jsonPath("$.paths['/api/products/{sku}/restock'].post")
			.exists();
	}

	/** Asserts the {@code field}s of a problem's {@code errors}, in any order. */
	private static Consumer<List<String>> fieldsAre(String... fields) {
		return (actual) -> assertThat(actual).containsExactlyInAnyOrder(fields);
	}

	private static Consumer<List<String>> fieldsInclude(String field) {
		return (actual) -> assertThat(actual).contains(field);
	}

	private Set<String> publishedSkus() {
		return this.catalogTopic.records().stream().map(ConsumerRecord::key).collect(Collectors.toSet());
	}

	private List<ProductUpserted> published(String sku) {
		return this.catalogTopic.withKey(sku).stream().map(CatalogIntegrationTests::payload).toList();
	}

	private ConsumerRecord<String, byte[]> single(String sku) {
		List<ConsumerRecord<String, byte[]>> records = this.catalogTopic.withKey(sku);
		assertThat(records).as("records of %s", sku).hasSize(1);
		return records.get(0);
	}

	private static ProductUpserted payload(ConsumerRecord<String, byte[]> record) {
		return EventJson.read(record.value(), ProductUpserted.class);
	}

}
