create table orders (
    id                   uuid         primary key,
    status               varchar(20)  not null,
    customer_id          varchar(100) not null,
    customer_email       varchar(254) not null,
    payment_method       varchar(100) not null,
    total_amount         numeric(12,2) not null,
    currency             varchar(3)   not null,
    cancellation_reason  varchar(30),
    cancellation_detail  varchar(1000),
    payment_id           uuid,
    idempotency_key      varchar(200) unique,
    request_fingerprint  varchar(64),
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null
);

create index orders_customer_idx on orders (customer_id, created_at desc);
create index orders_open_idx on orders (updated_at) where status in ('PENDING', 'RESERVED');

create table order_item (
    order_id    uuid          not null references orders (id),
    line_no     int           not null,
    sku         varchar(64)   not null,
    quantity    int           not null check (quantity > 0),
    unit_price  numeric(12,2) not null,
    primary key (order_id, line_no)
);

-- The order's timeline: every event of the order this service emitted or consumed, in order.
create table order_event (
    id           bigserial    primary key,
    order_id     uuid         not null,
    event_id     uuid         not null,
    type         varchar(200) not null,
    source       varchar(200) not null,
    occurred_at  timestamptz  not null,
    data         text         not null
);

create index order_event_order_idx on order_event (order_id, id);

-- Read-only replica of the catalog, kept from the compacted catalog.products topic.
create table catalog_product (
    sku         varchar(64)   primary key,
    name        varchar(200)  not null,
    unit_price  numeric(12,2) not null,
    currency    varchar(3)    not null,
    active      boolean       not null,
    updated_at  timestamptz   not null
);
