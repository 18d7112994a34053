-- A notification whose address the mail server or Jakarta Mail refuses for good is not retried.
alter table outbox add column gave_up_at bigint;
