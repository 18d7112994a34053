package dev.orgsign.pkcs11;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends ipkcs11wrapper's own logging to SLF4J instead of standard output. */
final class Slf4jWrapperLogger implements org.xipki.pkcs11.wrapper.Logger {
    private static final Logger LOG = LoggerFactory.getLogger("org.xipki.pkcs11.wrapper");

    @Override public void info(String format, Object... args) { LOG.debug(format, args); }
    @Override public void warn(String format, Object... args) { LOG.warn(format, args); }
    @Override public void error(String format, Object... args) { LOG.error(format, args); }
    @Override public void debug(String format, Object... args) { LOG.trace(format, args); }
    @Override public void trace(String format, Object... args) { LOG.trace(format, args); }
    @Override public boolean isDebugEnabled() { return LOG.isTraceEnabled(); }
    @Override public boolean isInfoEnabled() { return LOG.isDebugEnabled(); }
    @Override public boolean isWarnEnabled() { return LOG.isWarnEnabled(); }
    @Override public boolean isTraceEnabled() { return LOG.isTraceEnabled(); }
}
