-- Products with their price and stock. available = on_hand - reserved; the check keeps it
-- from going below zero whatever the application does.
-- skus sort byte-wise ("C"), the same on every server whatever its locale: lists come out
-- in a stable order and concurrent reservations lock rows in one order.
create table product (
    sku               varchar(64)   collate "C" primary key,
    name              varchar(200)  not null,
    unit_price        numeric(12,2) not null check (unit_price > 0),
    currency          varchar(3)    not null,
    on_hand           integer       not null default 0,
    reserved          integer       not null default 0,
    active            boolean       not null default true,
    -- false until the product's current state is in the catalog.products outbox
    catalog_published boolean       not null default false,
    updated_at        timestamptz   not null default now(),
    constraint product_stock_invariant check (0 <= reserved and reserved <= on_hand)
);

-- What inventory decided for each order; one row per order makes redelivery harmless.
create table reservation (
    order_id    uuid        primary key,
    status      varchar(16) not null check (status in ('HELD', 'COMMITTED', 'RELEASED', 'REJECTED')),
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

-- The quantities a reservation holds (duplicate skus of an order merged).
create table reservation_line (
    order_id  uuid        not null references reservation (order_id),
    sku       varchar(64) collate "C" not null references product (sku),
    quantity  integer     not null check (quantity > 0),
    primary key (order_id, sku)
);
