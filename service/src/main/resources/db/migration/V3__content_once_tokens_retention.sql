-- Payload and signature are written once, beside the row that changes with every claim and
-- verdict (an update then rewrites a small row, not the submission's bytes).
create table submission_content (
    submission_id    varchar(36)   not null primary key references submissions (id),
    payload          bytea         not null,
    signature        bytea         not null
);
insert into submission_content (submission_id, payload, signature) select id, payload, signature from submissions;
alter table submissions drop column payload;
alter table submissions drop column signature;

-- A receipt is written once, when first asked for.
create table receipts (
    submission_id    varchar(36)   not null primary key references submissions (id),
    pdf              bytea         not null,
    created_at       bigint        not null
);
insert into receipts (submission_id, pdf, created_at)
    select id, receipt, coalesce(verified_at, received_at) from submissions where receipt is not null;
alter table submissions drop column receipt;

-- Status and receipt need the read token returned at submission; only its SHA-256 is kept
-- (submissions stored before this migration have none and are read with an operator key).
alter table submissions add column token_sha256 varchar(64);
-- QUEUED: the verdict was mailed to the contact; WITHHELD: not, since the signature does not
-- vouch for the address; null: no contact address, or not decided yet.
alter table submissions add column mail varchar(16);

-- Retention deletes by arrival time, with the outbox rows of each submission.
create index submissions_received on submissions (received_at);
create index outbox_submission on outbox (submission_id);
