package dev.orgsign.core.registry;

import java.time.LocalDate;

/**
 * A disqualification recorded for a person entitled to act for a legal entity
 * ({@code СведДолжнФЛ/СвДискв}): from {@code ДатаНачДискв} to {@code ДатаОкончДискв}, both days
 * included, by a decision of {@code ДатаРеш}.
 *
 * @param start     first day of the disqualification; null when the extract omits it (then it is taken as in force)
 * @param end       last day of the disqualification; null when the extract omits it (then it is taken as in force)
 * @param decidedOn the date of the decision, or null
 */
public record Disqualification(LocalDate start, LocalDate end, LocalDate decidedOn) {
    /**
     * @param day the day the decision is made for
     * @return whether the disqualification is in force on that day; an incomplete record counts as
     *         in force (fail closed)
     */
    public boolean inForce(LocalDate day) {
        return (start == null || !day.isBefore(start)) && (end == null || !day.isAfter(end));
    }
}
