#!/usr/bin/env bash
# Gives each service its own broker login (SCRAM-SHA-512) and ACLs: one writer per topic.
# Run once by compose's kafka-init container, as the broker's super user admin, after the
# broker is healthy; safe to run again (users are upserted, ACLs are a set).
#
# A service writes and creates its own topics and the dead-letter topics (<topic>.DLT) of
# those it consumes, reads the topics it consumes, in its own consumer group. Keep the
# lines at the bottom in step with each service's shop.messaging.owned-topics and
# consumed-topics (ComposeFileTest checks it).
set -euo pipefail

BIN="${KAFKA_BIN:-/opt/kafka/bin}"
BOOTSTRAP="${KAFKA_BOOTSTRAP:-kafka:29092}"
ADMIN_CONFIG="$(mktemp)"
trap 'rm -f "$ADMIN_CONFIG"' EXIT
cat > "$ADMIN_CONFIG" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${ADMIN_PASSWORD:?}";
PROPERTIES

acl() {
	local principal="$1"
	shift
	"$BIN/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" --add \
		--allow-principal "User:$principal" "$@" > /dev/null
}

# service NAME PASSWORD "OWNED TOPICS" "CONSUMED TOPICS" [GROUP PREFIX]
service() {
	local name="$1" password="$2" owned="$3" consumed="$4" group_prefix="${5:-}"
	"$BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" --alter \
		--entity-type users --entity-name "$name" --add-config "SCRAM-SHA-512=[password=$password]" > /dev/null
	local written=() read=()
	for topic in $owned; do
		written+=(--topic "$topic")
	done
	for topic in $consumed; do
		read+=(--topic "$topic")
		written+=(--topic "$topic.DLT")
	done
	acl "$name" --operation Write --operation Create --operation Describe "${written[@]}"
	acl "$name" --operation Read "${read[@]}" --group "$name"
	if [[ -n "$group_prefix" ]]; then
		acl "$name" --operation Read --group "$group_prefix" --resource-pattern-type prefixed
	fi
	echo "kafka-init: $name may write [$owned] and read [$consumed]"
}

service order-service "${ORDER_SERVICE_PASSWORD:?}" "orders" "inventory payments catalog.products"
service inventory-service "${INVENTORY_SERVICE_PASSWORD:?}" "inventory catalog.products" "orders"
service payment-service "${PAYMENT_SERVICE_PASSWORD:?}" "payments" "orders"
# notification-service also reads in one group per instance (live order status)
service notification-service "${NOTIFICATION_SERVICE_PASSWORD:?}" "notifications" "orders" "notification-service-live-"
