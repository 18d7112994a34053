-- Submissions as received: accepted (202) only once this row is committed.
create table submissions (
    id               varchar(36)   not null primary key,
    request_id       varchar(36)   not null,
    payload          bytea         not null,
    signature        bytea         not null,
    payload_sha256   varchar(64)   not null,
    signature_sha256 varchar(64)   not null,
    contact_email    varchar(320),
    organization     varchar(1000),
    status           varchar(16)   not null,
    report           text,
    received_at      bigint        not null,
    verified_at      bigint,
    verified_by      varchar(100),
    lease_owner      varchar(100),
    lease_until      bigint,
    attempts         integer       default 0 not null,
    verifications    integer       default 0 not null,
    receipt          bytea,
    constraint submissions_request_id unique (request_id)
);
create index submissions_pending on submissions (status, received_at);

-- Notifications to send; a row is written in the same transaction as the verdict.
create table outbox (
    id               varchar(36)   not null primary key,
    submission_id    varchar(36)   not null references submissions (id),
    recipient        varchar(320)  not null,
    subject          varchar(1000) not null,
    body             text          not null,
    created_at       bigint        not null,
    sent_at          bigint,
    attempts         integer       default 0 not null,
    next_attempt_at  bigint        not null,
    last_error       varchar(1000),
    lease_owner      varchar(100),
    lease_until      bigint
);
create index outbox_due on outbox (sent_at, next_attempt_at);
