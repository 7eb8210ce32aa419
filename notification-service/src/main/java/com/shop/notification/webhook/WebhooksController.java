package com.shop.notification.webhook;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import com.shop.notification.webhook.WebhookViews.DeliveryView;
import com.shop.notification.webhook.WebhookViews.RegisterWebhook;
import com.shop.notification.webhook.WebhookViews.RegisteredWebhook;
import com.shop.notification.webhook.WebhookViews.SecretView;
import com.shop.notification.webhook.WebhookViews.WebhookView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The webhook API: endpoints, their secrets and their delivery log. */
@RestController
@RequestMapping("/api/webhooks")
class WebhooksController {

	private final Webhooks webhooks;

	WebhooksController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@PostMapping
	ResponseEntity<RegisteredWebhook> register(@Valid @RequestBody RegisterWebhook request) {
		WebhookEndpoint endpoint = this.webhooks.register(request.url(), request.eventTypes(), request.description());
		return ResponseEntity.created(URI.create("/api/webhooks/" + endpoint.id()))
			.body(RegisteredWebhook.of(endpoint));
	}

	@GetMapping
	List<WebhookView> list() {
		return this.webhooks.all().stream().map(WebhookView::of).toList();
	}

	@GetMapping("/{id}")
	WebhookView get(@PathVariable UUID id) {
		return WebhookView.of(this.webhooks.find(id));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable UUID id) {
		this.webhooks.remove(id);
	}

	@PostMapping("/{id}/secret/rotate")
	SecretView rotateSecret(@PathVariable UUID id) {
		return new SecretView(id, this.webhooks.rotateSecret(id));
	}

	/** The latest deliveries, newest first. */
	@GetMapping("/{id}/deliveries")
	List<DeliveryView> deliveries(@PathVariable UUID id,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
		return this.webhooks.deliveries(id, limit).stream().map(DeliveryView::of).toList();
	}

	@PostMapping("/{id}/deliveries/{deliveryId}/retry")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void retry(@PathVariable UUID id, @PathVariable UUID deliveryId) {
		this.webhooks.retry(id, deliveryId);
	}

}
