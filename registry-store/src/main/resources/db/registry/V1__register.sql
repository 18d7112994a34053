-- The EGRUL / EGRIP register, one row per OGRN ('U') or OGRNIP ('I'): the newest record read so far.
create table registry_record (
    kind         varchar(1)   not null,
    id           varchar(15)  not null,
    inn          varchar(12),
    -- sortable: extract date, newest register entry date, entries (RecordVersion's order)
    version      varchar(32)  not null,
    -- hex SHA-256 of body: two records of one version that differ make the row contested
    hash         varchar(64)  not null,
    contested    boolean      not null,
    extract_date date,
    terminated   boolean      not null,
    body         ${binary}    not null,
    primary key (id, kind)
);
create index registry_record_inn on registry_record (inn);

-- One row per FNS file (its ИдФайл, or the SHA-256 of a file without one): how far an import got.
create table registry_file (
    file_id      varchar(200)  primary key,
    name         varchar(1000) not null,
    records      bigint        not null,
    completed    boolean       not null,
    started_at   timestamp     not null,
    completed_at timestamp
);

-- 'generation' grows with every finished file, so that readers drop what they cached.
create table registry_meta (
    meta_name  varchar(40) primary key,
    meta_value bigint      not null
);
insert into registry_meta (meta_name, meta_value) values ('generation', 0);
