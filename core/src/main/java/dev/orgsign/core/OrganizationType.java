package dev.orgsign.core;

/** What is being registered (docs/design.md): an individual entrepreneur, a legal entity, a government body. */
public enum OrganizationType {
    /** Individual entrepreneur; identified by OGRNIP. */
    IE,
    /** Limited liability company (or another commercial legal entity); identified by OGRN. */
    LLC,
    /** State or municipal body; identified by OGRN. */
    GOV
}
