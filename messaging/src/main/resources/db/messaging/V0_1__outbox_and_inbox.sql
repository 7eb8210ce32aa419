-- Shared by every service: the transactional outbox and the record of consumed events.

-- Events committed with a state change, waiting to be relayed to Kafka in id order.
create table outbox_event (
    id           bigserial    primary key,
    event_id     uuid         not null unique,
    topic        varchar(200) not null,
    event_key    varchar(200) not null,
    event_type   varchar(200) not null,
    source       varchar(200) not null,
    subject      varchar(200) not null,
    occurred_at  timestamptz  not null,
    traceparent  varchar(55),
    payload      text         not null
);

-- One row per event a consumer group has processed: the idempotency record (ce_id).
create table consumed_event (
    consumer     varchar(200) not null,
    event_id     uuid         not null,
    event_type   varchar(200) not null,
    consumed_at  timestamptz  not null default now(),
    primary key (consumer, event_id)
);
