package dev.orgsign.core.authority;

import dev.orgsign.core.registry.RegisterStatus;

/**
 * What a status the register records ({@code СвСтатус}) means for the authority decision. Only codes
 * whose meaning is established are let through; any other code leaves the decision UNKNOWN, never
 * ENTITLED (fail closed).
 */
enum StatusRule {
    /** The status does not change who may act (112: a decision to move the registered office). */
    NO_EFFECT,
    /** The organization is being liquidated (101) or has ceased (codes 2xx-9xx, e.g. 201, 415, 420). */
    TERMINATING,
    /** Anything else: upcoming exclusion (105, 107, 110), reorganization (12x), unknown codes. */
    UNDECIDED;

    static StatusRule of(RegisterStatus status) {
        String code = status.code();
        if (code == null || code.length() != 3 || !Character.isDigit(code.charAt(0)) || !Character.isDigit(code.charAt(1))
                || !Character.isDigit(code.charAt(2))) {
            return UNDECIDED;
        }
        if (code.equals("112")) {
            return NO_EFFECT;
        }
        if (code.equals("101") || code.charAt(0) >= '2') {
            return TERMINATING;
        }
        return UNDECIDED;
    }
}
