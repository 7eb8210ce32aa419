-- What notification-service knows of an order: the contact details from OrderPlaced,
-- because later order events do not carry them.
create table order_contact (
    order_id        uuid          primary key,
    customer_id     varchar(200)  not null,
    customer_email  varchar(320)  not null,
    total_amount    numeric(12,2) not null,
    total_currency  varchar(3)    not null,
    placed_at       timestamptz   not null
);

-- Every notification that went out (or failed to), one per order, template and channel:
-- the unique constraint is what keeps a redelivered or re-emitted event from notifying twice.
create table notification (
    id          uuid          primary key,
    order_id    uuid          not null,
    channel     varchar(20)   not null,
    recipient   varchar(320)  not null,
    template    varchar(100)  not null,
    status      varchar(10)   not null check (status in ('SENT', 'FAILED')),
    error       varchar(1000),
    created_at  timestamptz   not null,
    constraint notification_once_per_channel unique (order_id, template, channel)
);

create index notification_by_created_at on notification (created_at);
