-- Notifications are queued with the consumed event and sent afterwards by a worker (off
-- the consumer thread, over one kept SMTP connection): PENDING until the first attempt,
-- FAILED (and retried with back-off, due again at next_attempt_at) while the channel
-- refuses it, SENT once it took it. `notice` is what the channel needs to send it (JSON).
alter table notification drop constraint notification_status_check;
alter table notification add constraint notification_status_check check (status in ('PENDING', 'SENT', 'FAILED'));
alter table notification add column notice text;
alter table notification add column attempts int not null default 0;
alter table notification add column next_attempt_at timestamptz;

create index notification_due on notification (next_attempt_at) where status in ('PENDING', 'FAILED');

-- The trace of the event that queued a notification or a webhook delivery: what is sent
-- later, on another thread or after a restart, is reported (NotificationSent) in that
-- order's trace.
alter table notification add column traceparent varchar(55);
alter table webhook_delivery add column traceparent varchar(55);
