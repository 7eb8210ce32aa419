-- One row per order at most: the unique order_id is what keeps an order from being
-- charged twice, whatever is redelivered.
create table payment (
    payment_id         uuid           primary key,
    order_id           uuid           not null unique,
    status             varchar(20)    not null check (status in ('COMPLETED', 'FAILED', 'REFUNDED')),
    amount             numeric(12, 2) not null,
    currency           varchar(3)     not null,
    reason             varchar(30),
    detail             text,
    -- the gateway's id of the charge, which a real gateway needs to refund it
    gateway_reference  varchar(100),
    created_at         timestamptz    not null,
    updated_at         timestamptz    not null
);

-- GET /api/payments without an orderId lists the latest payments.
create index payment_created_at_idx on payment (created_at desc);
