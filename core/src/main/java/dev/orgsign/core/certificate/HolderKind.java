package dev.orgsign.core.certificate;

/** Whom a qualified certificate was issued to, as its subject fields tell. */
public enum HolderKind {
    /** Carries OGRN (and INNLE): issued to the head of a legal entity (FNS CA since 2022). */
    HEAD_OF_LEGAL_ENTITY,
    /** Carries OGRNIP: issued to an individual entrepreneur. */
    ENTREPRENEUR,
    /** No organization fields: a natural person, e.g. an employee who acts by power of attorney. */
    NATURAL_PERSON
}
