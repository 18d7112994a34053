package dev.orgsign.core.trust;

import java.time.Instant;

/**
 * One entry of a certification centre's accreditation history as the ministry's list gives it
 * ({@code СтатусАккредитации}): a status and the moment from which it holds.
 *
 * @param status the status as the list words it: {@value #ACTIVE}, «Приостановлена», «Прекращена», «Аннулирована», …
 * @param since  when it took effect
 */
public record AccreditationStatus(String status, Instant since) {
    /** The one status under which a centre is accredited. */
    public static final String ACTIVE = "Действует";

    /**
     * Whether a centre with this status is accredited; any other status, including one the list
     * introduces later, is not (fail closed).
     *
     * @return true for {@value #ACTIVE}
     */
    public boolean accredited() {
        return status.equals(ACTIVE) || ACTIVE.equalsIgnoreCase(status.strip());
    }

    /** {@return whether the status is a suspension (a centre may come back from it)} */
    public boolean suspended() {
        return status.strip().toLowerCase(java.util.Locale.ROOT).startsWith("приостановл");
    }
}
