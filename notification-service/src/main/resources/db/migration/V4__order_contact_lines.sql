-- The order's lines, so the confirmation and cancellation e-mails can list what was ordered:
-- OrderConfirmed and OrderCancelled carry only the order id.
create table order_contact_line (
    order_id             uuid          not null references order_contact (order_id) on delete cascade,
    line_no              int           not null,
    sku                  varchar(64)   not null,
    quantity             int           not null,
    unit_price_amount    numeric(12,2) not null,
    unit_price_currency  varchar(3)    not null,
    primary key (order_id, line_no)
);
