package dev.orgsign.pkcs11;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Text;
import dev.orgsign.core.Texts;
import dev.orgsign.core.token.PinCallback;
import dev.orgsign.core.token.PinRequest;
import dev.orgsign.core.token.SignatureAlgorithm;
import dev.orgsign.core.token.SigningToken;
import dev.orgsign.core.token.TokenKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xipki.pkcs11.wrapper.PKCS11Constants;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.Slot;
import org.xipki.pkcs11.wrapper.TokenException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A PKCS#11 token as a {@link SigningToken}.
 *
 * <p>Login follows docs/design.md's PIN rules: the PIN flags are read first; a locked PIN is reported
 * without a login attempt; on the final try the login is refused unless
 * {@link Pkcs11Options#allowFinalTry()}; a token with a PIN pad is logged in without asking for
 * a PIN; there is exactly one {@code C_Login} and never a retry; the PIN array is wiped at once.
 *
 * <p>Signing threads share a pool of sessions (a PKCS#11 login holds for all sessions of the
 * application), so several threads sign at once without sharing a session.
 */
public final class Pkcs11SigningToken implements SigningToken {
    private static final Texts T = Texts.of(Pkcs11Errors.class);
    private static final Logger LOG = LoggerFactory.getLogger(Pkcs11SigningToken.class);

    private final Pkcs11Library library;
    private final Slot slot;
    private final Pkcs11TokenInfo info;
    private final Pkcs11Options options;
    private final BlockingQueue<Session> idle;
    private final List<Session> all = new ArrayList<>();
    private final AtomicInteger opened = new AtomicInteger();
    private final Pkcs11Mechanisms mechanisms;
    private volatile boolean loggedIn;
    private volatile List<Pkcs11KeyReader.Entry> entries;

    Pkcs11SigningToken(Pkcs11Library library, Slot slot, Pkcs11TokenInfo info, Pkcs11Options options)
            throws OrgsignException {
        this.library = library;
        this.slot = slot;
        this.info = info;
        this.options = options;
        this.idle = new ArrayBlockingQueue<>(options.maxSessions());
        this.mechanisms = new Pkcs11Mechanisms(supportedMechanisms());
    }

    private long[] supportedMechanisms() throws OrgsignException {
        long[] list = slot.getToken().getMechanismList();
        return list == null ? new long[0] : list;
    }

    /** {@return what the slot reported when the token was opened} */
    public Pkcs11TokenInfo info() {
        return info;
    }

    /**
     * @return the token's PIN state now
     * @throws OrgsignException TOKEN_ERROR or TOKEN_REMOVED when the token cannot be asked
     */
    public PinState pinState() throws OrgsignException {
        return Pkcs11Library.info(slot).pin();
    }

    @Override
    public String description() {
        return info.describe();
    }

    @Override
    public String description(Locale locale) {
        return info.describe(locale);
    }

    private Text name() {
        return info::describe;
    }

    @Override
    public void login(PinCallback pins) throws OrgsignException {
        if (loggedIn) {
            return;
        }
        Pkcs11TokenInfo now = Pkcs11Library.info(slot);
        if (!now.loginRequired()) {
            loggedIn = true;
            return;
        }
        PinState state = now.pin();
        if (state.locked()) {
            throw new OrgsignException(ErrorCode.PIN_LOCKED, T.text("error.pinLockedNotTried", name()), null,
                    Pkcs11Errors.CKR_PIN_LOCKED);
        }
        if (state.finalTry() && !options.allowFinalTry()) {
            throw new OrgsignException(ErrorCode.PIN_FINAL_TRY, T.text("error.finalTry", name()));
        }
        Session session = acquire();
        char[] pin = null;
        try {
            if (now.protectedAuthPath()) {
                LOG.debug("Logging in to {} through its PIN pad", description());
                session.login(PKCS11Constants.CKU_USER, null);
            } else {
                pin = pins.pin(PinRequest.of(this, state.countLow(), state.finalTry()));
                session.login(PKCS11Constants.CKU_USER, pin);
            }
            loggedIn = true;
        } catch (PKCS11Exception e) {
            if (e.getErrorCode() == 0x100) { // CKR_USER_ALREADY_LOGGED_IN: another user of the module did it
                loggedIn = true;
                return;
            }
            PinState after = null;
            try {
                after = pinState();
            } catch (OrgsignException ignored) {
                // the token may be gone; the sentence then says less
            }
            throw Pkcs11Errors.of(e, name(), "login", after);
        } finally {
            if (pin != null) {
                Arrays.fill(pin, '\0');
            }
            release(session);
        }
    }

    @Override
    public List<TokenKey> keys() throws OrgsignException {
        return readEntries().stream().map(Pkcs11KeyReader.Entry::key).toList();
    }

    private List<Pkcs11KeyReader.Entry> readEntries() throws OrgsignException {
        List<Pkcs11KeyReader.Entry> e = entries;
        if (e != null && loggedIn) {
            return e;
        }
        Session session = acquire();
        try {
            e = Pkcs11KeyReader.read(session, !loggedIn && info.loginRequired());
        } catch (TokenException ex) {
            throw Pkcs11Errors.of(ex, name(), "keys", null);
        } finally {
            release(session);
        }
        if (loggedIn) {
            entries = e;
        }
        return e;
    }

    @Override
    public byte[] sign(TokenKey key, SignatureAlgorithm algorithm, byte[] data) throws OrgsignException {
        if (!key.hasPrivateKey() && !loggedIn) {
            throw new OrgsignException(ErrorCode.NOT_LOGGED_IN, T.text("error.notLoggedIn", name(), T.text("action.signing")));
        }
        if (!key.hasPrivateKey()) {
            throw new OrgsignException(ErrorCode.KEY_NOT_FOUND, T.text("error.certificateOnly", name(), key.label()));
        }
        if (algorithm.keyAlgorithm() != key.keyAlgorithm()) {
            throw new OrgsignException(ErrorCode.KEY_NOT_USABLE, T.text("error.wrongAlgorithm", key.label(), key.keyAlgorithm(),
                    algorithm));
        }
        if (!loggedIn) {
            throw new OrgsignException(ErrorCode.NOT_LOGGED_IN, T.text("error.notLoggedIn", name(), T.text("action.signing")));
        }
        long handle = readEntries().stream().filter(x -> x.key().id().equals(key.id()) && x.privateHandle() != 0)
                .mapToLong(Pkcs11KeyReader.Entry::privateHandle).findFirst()
                .orElseThrow(() -> new OrgsignException(ErrorCode.KEY_NOT_FOUND, T.text("error.noPrivateKey", name(), key.id())));
        Pkcs11Mechanisms.Plan plan = mechanisms.plan(algorithm, key.keySizeBits(), name());
        Session session = acquire();
        try {
            byte[] raw = session.signSingle(plan.mechanism(), handle, plan.input(data));
            return plan.toCms(raw);
        } catch (TokenException e) {
            throw Pkcs11Errors.of(e, name(), "signing", null);
        } finally {
            release(session);
        }
    }

    private Session acquire() throws OrgsignException {
        Session s = idle.poll();
        if (s != null) {
            return s;
        }
        if (opened.incrementAndGet() <= options.maxSessions()) {
            try {
                Session created = slot.getToken().openSession(false);
                synchronized (all) {
                    all.add(created);
                }
                return created;
            } catch (TokenException e) {
                opened.decrementAndGet();
                throw Pkcs11Errors.of(e, name(), "session", null);
            }
        }
        opened.decrementAndGet();
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrgsignException(ErrorCode.INTERNAL, T.text("error.interrupted", name()));
        }
    }

    private void release(Session s) {
        idle.offer(s);
    }

    @Override
    public void close() {
        synchronized (all) {
            for (Session s : all) {
                try {
                    if (loggedIn) {
                        s.logout();
                        loggedIn = false;
                    }
                } catch (TokenException e) {
                    LOG.debug("Logout failed: {}", e.getMessage());
                }
                try {
                    s.closeSession();
                } catch (TokenException e) {
                    LOG.debug("Closing a session failed: {}", e.getMessage());
                }
            }
            all.clear();
            idle.clear();
        }
        entries = null;
        library.close();
    }
}
