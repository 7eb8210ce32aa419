package com.shop.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The store page in a real headless Chromium, against the running pipeline: a person
 * picks a product, places an order and watches it confirm over the WebSocket, without
 * reloading. Needs Debian's {@code chromium} and {@code chromium-driver}. CI installs
 * them and sets {@code SHOP_BROWSER_TESTS=required}, so there a missing browser fails the
 * build; elsewhere the test is skipped with a message.
 */
class StorePageBrowserTest {

	private static final Path CHROMIUM = Path.of(System.getProperty("shop.chromium", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path.of(System.getProperty("shop.chromedriver", "/usr/bin/chromedriver"));

	private static RunningSystem system;

	private static Shop shop;

	private static WebDriver browser;

	@BeforeAll
	static void start() {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!installed && "required".equals(System.getenv("SHOP_BROWSER_TESTS"))) {
			fail("Browser tests are required but %s or %s is missing (apt-get install chromium chromium-driver)",
					CHROMIUM, CHROMEDRIVER);
		}
		assumeTrue(installed, "Skipped: no Chromium at " + CHROMIUM + " / " + CHROMEDRIVER
				+ " (apt-get install chromium chromium-driver)");
		system = RunningSystem.get();
		shop = new Shop(system);
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
					"--window-size=1280,1000");
		ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(driver, options);
		browser.manage().timeouts().implicitlyWait(Duration.ZERO);
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void aPersonPlacesAnOrderAndWatchesItConfirmLive() {
		String sku = shop.newProduct("12.50", 10);
		openPage();
		WebElement quantity = await("the catalog lists " + sku).atMost(Duration.ofSeconds(20))
			.until(() -> find(By.cssSelector("input.qty[data-sku='" + sku + "']")), (element) -> element != null);
		quantity.clear();
		quantity.sendKeys("2");
		select("tok_visa");
		browser.findElement(By.id("place-order")).click();

		String orderId = await("the page shows the placed order").atMost(Duration.ofSeconds(20))
			.until(() -> text("order-id"), (id) -> id.matches("[0-9a-f-]{36}"));
		await("the page shows the order CONFIRMED").atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(text("order-status")).isEqualTo("CONFIRMED"));
		await("the timeline shows the confirmation").atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(timeline())
				.anySatisfy((entry) -> assertThat(entry).contains("shop.order.confirmed.v1")));
		assertThat(timeline()).first().asString().contains("shop.order.placed.v1");
		assertThat(notReloaded()).as("the page was not reloaded").isTrue();

		JsonNode order = shop.order(orderId);
		assertThat(order.get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(order.get("items").get(0).get("sku").asString()).isEqualTo(sku);
		assertThat(order.get("items").get(0).get("quantity").asInt()).isEqualTo(2);
	}

	@Test
	void aDeclinedCardShowsTheOrderCancelledWithItsReason() {
		String sku = shop.newProduct("8.00", 5);
		openPage();
		WebElement quantity = await("the catalog lists " + sku).atMost(Duration.ofSeconds(20))
			.until(() -> find(By.cssSelector("input.qty[data-sku='" + sku + "']")), (element) -> element != null);
		quantity.clear();
		quantity.sendKeys("1");
		select("tok_chargeDeclined");
		browser.findElement(By.id("place-order")).click();

		await("the page shows the order CANCELLED").atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(text("order-status")).isEqualTo("CANCELLED"));
		assertThat(browser.findElement(By.tagName("body")).getText()).contains("PAYMENT_DECLINED");
	}

	@Test
	void aRejectedOrderShowsTheProblemInsteadOfFailingSilently() {
		openPage();
		WebElement email = browser.findElement(By.id("customer-email"));
		email.clear();
		email.sendKeys("not-an-address");
		WebElement quantity = await("the catalog is shown").atMost(Duration.ofSeconds(20))
			.until(() -> find(By.cssSelector("input.qty:not([disabled])")), (element) -> element != null);
		quantity.clear();
		quantity.sendKeys("1");
		browser.findElement(By.id("place-order")).click();

		await("the page shows the problem").atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(text("error")).contains("customerEmail"));
		assertThat(text("order-id")).isEmpty();
	}

	private static void openPage() {
		browser.get(system.notifications.url() + "/");
		((JavascriptExecutor) browser).executeScript("window.__sameDocument = true;");
	}

	private static boolean notReloaded() {
		return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript("return window.__sameDocument"));
	}

	private static void select(String paymentMethod) {
		browser.findElement(By.cssSelector("#payment-method option[value='" + paymentMethod + "']")).click();
	}

	private static WebElement find(By by) {
		List<WebElement> found = browser.findElements(by);
		return found.isEmpty() ? null : found.get(0);
	}

	private static String text(String id) {
		return browser.findElement(By.id(id)).getText().trim();
	}

	private static List<String> timeline() {
		return browser.findElements(By.cssSelector("#timeline li")).stream().map(WebElement::getText).toList();
	}

}
