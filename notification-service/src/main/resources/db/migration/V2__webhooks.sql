-- Webhook endpoints registered by clients. During a rotation's grace period the previous
-- secret still signs, next to the new one.
create table webhook_endpoint (
    id                          uuid          primary key,
    url                         varchar(2000) not null,
    -- space-separated wire names of the subscribed event types, or '*'
    event_types                 varchar(1000) not null,
    description                 varchar(500),
    secret                      varchar(100)  not null,
    previous_secret             varchar(100),
    previous_secret_expires_at  timestamptz,
    status                      varchar(10)   not null check (status in ('ACTIVE', 'DISABLED')),
    disabled_reason             varchar(500),
    created_at                  timestamptz   not null
);

-- The durable delivery queue: one row per endpoint and event, with the exact body every
-- attempt sends. A PENDING row is due at next_attempt_at; while an instance sends it,
-- in_flight_until (= next_attempt_at) is its lease, after which another instance may
-- take it over.
create table webhook_delivery (
    id               uuid          primary key,
    endpoint_id      uuid          not null references webhook_endpoint (id) on delete cascade,
    event_id         uuid          not null,
    event_type       varchar(200)  not null,
    order_id         uuid,
    event_time       timestamptz   not null,
    body             text          not null,
    status           varchar(10)   not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED')),
    attempts         int           not null default 0,
    next_attempt_at  timestamptz,
    in_flight_until  timestamptz,
    last_attempt_at  timestamptz,
    created_at       timestamptz   not null,
    constraint webhook_delivery_once_per_event unique (endpoint_id, event_id)
);

create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';

create index webhook_delivery_by_endpoint on webhook_delivery (endpoint_id, created_at desc);

-- Every attempt of a delivery, for the delivery log.
create table webhook_attempt (
    id                bigserial     primary key,
    delivery_id       uuid          not null references webhook_delivery (id) on delete cascade,
    attempted_at      timestamptz   not null,
    status_code       int,
    latency_ms        bigint        not null,
    response_snippet  varchar(500),
    error             varchar(1000)
);

create index webhook_attempt_by_delivery on webhook_attempt (delivery_id, attempted_at);
