-- The current status of every order this service has seen, kept by the shared-group
-- consumer in the transaction of each order event: what a WebSocket subscriber gets first.
create table order_status (
    order_id             uuid          primary key,
    status               varchar(20)   not null check (status in ('PENDING', 'RESERVED', 'CONFIRMED', 'CANCELLED')),
    last_event_type      varchar(100)  not null,
    occurred_at          timestamptz   not null,
    cancellation_reason  varchar(30),
    updated_at           timestamptz   not null
);
