-- The language the submitter reads (Accept-Language of the submission: ru or en): the verdict's
-- mail and the receipt are written in it. Null for submissions stored before: Russian.
alter table submissions add column language varchar(8);
