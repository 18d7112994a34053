package dev.orgsign.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values made once from keys that recur verification after verification (a register's name folded, a
 * head's position put into words), kept up to a bound: when full, the map starts again empty, so that
 * a stream of ever new keys costs memory no longer than the bound.
 *
 * @param <K> the key
 * @param <V> the value made from it
 */
public final class Recurring<K, V> {
    private final Map<K, V> values = new ConcurrentHashMap<>();
    private final int bound;
    private final Function<? super K, ? extends V> make;

    /**
     * @param bound how many values to keep at most
     * @param make  makes the value of a key (the same value for equal keys, never null)
     */
    public Recurring(int bound, Function<? super K, ? extends V> make) {
        this.bound = bound;
        this.make = make;
    }

    /**
     * @param key a key, not null
     * @return its value, made now or before
     */
    public V get(K key) {
        V v = values.get(key);
        if (v == null) {
            if (values.size() >= bound) {
                values.clear();
            }
            v = make.apply(key);
            values.put(key, v);
        }
        return v;
    }
}
