-- ce_id is a fresh random UUID per event, and nothing looks an outbox entry up by it: the
-- unique index cost an index entry per event written and deleted, for nothing.
alter table outbox_event drop constraint outbox_event_event_id_key;
