package dev.orgsign.pkcs11;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Text;
import dev.orgsign.core.Texts;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.PKCS11Module;
import org.xipki.pkcs11.wrapper.Slot;
import org.xipki.pkcs11.wrapper.StaticLogger;
import org.xipki.pkcs11.wrapper.TokenException;
import org.xipki.pkcs11.wrapper.TokenInfo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A loaded PKCS#11 module. A process initializes a module once ({@code C_Initialize}); every
 * {@link #open} of the same file shares it, and the last {@link #close} finalizes it, so that
 * the next open sees tokens inserted (or created) in the meantime.
 */
public final class Pkcs11Library implements AutoCloseable {
    private static final Texts T = Texts.of(Pkcs11Errors.class);
    private static final Map<Path, Shared> OPEN = new HashMap<>();
    private static final long CKR_GENERAL_ERROR = 0x5;

    static {
        StaticLogger.setLogger(new Slf4jWrapperLogger());
    }

    private static final class Shared {
        final PKCS11Module module;
        int users;

        Shared(PKCS11Module module) {
            this.module = module;
        }
    }

    private final Path path;
    private final Shared shared;
    private boolean closed;

    private Pkcs11Library(Path path, Shared shared) {
        this.path = path;
        this.shared = shared;
    }

    /**
     * Loads and initializes the module at {@code path} (or the one {@link Pkcs11Modules#resolve}
     * finds when {@code path} is null).
     *
     * @param path the module file, or {@code null}
     * @return this process's user of the module, to be closed
     * @throws OrgsignException MODULE_NOT_FOUND, MODULE_INVALID, TOKEN_ERROR when {@code C_Initialize} fails
     */
    public static Pkcs11Library open(Path path) throws OrgsignException {
        return open(path, false);
    }

    /**
     * Loads and initializes the module at {@code path} (or the one {@link Pkcs11Modules#resolve}
     * finds when {@code path} is null), through the PKCS#11 2.40 entry point when asked.
     *
     * @param path     the module file, or {@code null}
     * @param pkcs11V2 whether the PKCS#11 2.40 entry point is required ({@link Pkcs11EntryPoint})
     * @return this process's user of the module, to be closed
     * @throws OrgsignException MODULE_NOT_FOUND, MODULE_INVALID, MODULE_NEEDS_PKCS11_V2,
     *                          MODULE_NOT_CONFIGURED, TOKEN_ERROR when {@code C_Initialize} fails
     */
    public static Pkcs11Library open(Path path, boolean pkcs11V2) throws OrgsignException {
        Path module = Pkcs11Modules.resolve(path).toAbsolutePath().normalize();
        synchronized (OPEN) {
            Shared shared = OPEN.get(module);
            if (shared == null) {
                Pkcs11EntryPoint.check(module, pkcs11V2);
                PKCS11Module m;
                try {
                    m = PKCS11Module.getInstance(module.toString());
                } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
                    throw new OrgsignException(ErrorCode.MODULE_INVALID, T.text("module.notLoadable", module), e);
                }
                try {
                    m.initialize();
                } catch (PKCS11Exception e) {
                    if (e.getErrorCode() != 0x191) { // CKR_CRYPTOKI_ALREADY_INITIALIZED
                        OrgsignException config = e.getErrorCode() == CKR_GENERAL_ERROR
                                && SoftHsmConfiguration.isSoftHsm(module) ? SoftHsmConfiguration.problem(module, e) : null;
                        throw config != null ? config
                                : Pkcs11Errors.of(e, literal(module.getFileName().toString()), "init", null);
                    }
                }
                shared = new Shared(m);
                OPEN.put(module, shared);
            }
            shared.users++;
            return new Pkcs11Library(module, shared);
        }
    }

    /** {@return the module file} */
    public Path path() {
        return path;
    }

    PKCS11Module module() {
        return shared.module;
    }

    /**
     * @return the initialized tokens present in the module's slots
     * @throws OrgsignException TOKEN_ERROR when the module cannot list them
     */
    public List<Pkcs11TokenInfo> tokens() throws OrgsignException {
        List<Pkcs11TokenInfo> result = new ArrayList<>();
        for (Slot slot : slots()) {
            result.add(info(slot));
        }
        return result;
    }

    List<Slot> slots() throws OrgsignException {
        try {
            List<Slot> present = new ArrayList<>();
            for (Slot slot : shared.module.getSlotList(true)) {
                TokenInfo ti = slot.getToken().getTokenInfo();
                if (ti.isTokenInitialized()) {
                    present.add(slot);
                }
            }
            return present;
        } catch (TokenException e) {
            throw Pkcs11Errors.of(e, literal(path.getFileName().toString()), "tokens", null);
        }
    }

    /**
     * @return how many of the module's slots hold no initialized token (an empty reader, a
     *         token not yet initialized)
     * @throws OrgsignException TOKEN_ERROR when the module cannot list its slots
     */
    public int emptySlots() throws OrgsignException {
        try {
            return shared.module.getSlotList(false).length - slots().size();
        } catch (TokenException e) {
            throw Pkcs11Errors.of(e, literal(path.getFileName().toString()), "slots", null);
        }
    }

    static Pkcs11TokenInfo info(Slot slot) throws OrgsignException {
        try {
            TokenInfo ti = slot.getToken().getTokenInfo();
            return new Pkcs11TokenInfo(slot.getSlotID(), ti.getLabel().trim(), ti.getManufacturerID().trim(),
                    ti.getModel().trim(), ti.getSerialNumber().trim(), ti.isLoginRequired(),
                    ti.isProtectedAuthenticationPath(),
                    PinState.of(ti.getFlags(), ti.getMinPinLen(), ti.getMaxPinLen()));
        } catch (TokenException e) {
            throw Pkcs11Errors.of(e, T.text("token.inSlot", slot.getSlotID()), "info", null);
        }
    }

    /**
     * Opens the token whose label or serial is {@code labelOrSerial}; with {@code null}, the only
     * token present. Several tokens and none chosen is an error that lists them.
     *
     * @param labelOrSerial the token's label or serial number, or {@code null}
     * @param options       final-try and session settings
     * @return the token, which keeps the module loaded until it is closed
     * @throws OrgsignException TOKEN_NOT_PRESENT or TOKEN_AMBIGUOUS, listing the tokens present
     */
    public Pkcs11SigningToken openToken(String labelOrSerial, Pkcs11Options options) throws OrgsignException {
        List<Slot> slots = slots();
        List<Slot> chosen = new ArrayList<>();
        List<Pkcs11TokenInfo> infos = new ArrayList<>();
        for (Slot s : slots) {
            Pkcs11TokenInfo info = info(s);
            infos.add(info);
            if (labelOrSerial == null || info.label().equals(labelOrSerial) || info.serial().equalsIgnoreCase(labelOrSerial)) {
                chosen.add(s);
            }
        }
        if (slots.isEmpty()) {
            throw new OrgsignException(ErrorCode.TOKEN_NOT_PRESENT, T.text("token.noneInModule", path.getFileName()));
        }
        if (chosen.isEmpty()) {
            throw new OrgsignException(ErrorCode.TOKEN_NOT_PRESENT, T.text("token.noMatchPresent", labelOrSerial,
                    listing(infos)));
        }
        if (chosen.size() > 1) {
            throw new OrgsignException(ErrorCode.TOKEN_AMBIGUOUS, labelOrSerial == null
                    ? T.text("token.several", listing(infos)) : T.text("token.severalMatch", labelOrSerial, listing(infos)));
        }
        return new Pkcs11SigningToken(Pkcs11Library.open(path), chosen.get(0), info(chosen.get(0)), options);
    }

    /**
     * Opens the token that {@code listed} describes, as a listing found it a moment ago: same
     * label, serial, model and manufacturer, in whichever slot it is now.
     *
     * @param listed  the token as listed
     * @param options final-try and session settings
     * @return the token
     * @throws OrgsignException TOKEN_REMOVED when it is no longer there
     */
    Pkcs11SigningToken openListed(Pkcs11TokenInfo listed, Pkcs11Options options) throws OrgsignException {
        for (Slot s : slots()) {
            Pkcs11TokenInfo now = info(s);
            if (now.sameToken(listed)) {
                return new Pkcs11SigningToken(Pkcs11Library.open(path), s, now, options);
            }
        }
        throw new OrgsignException(ErrorCode.TOKEN_REMOVED, T.text("token.gone", (Text) listed::describe, path.getFileName()),
                null, Pkcs11Errors.CKR_TOKEN_NOT_PRESENT);
    }

    private static Text listing(List<Pkcs11TokenInfo> infos) {
        return Text.join(", ", infos.stream().map(i -> T.text("token.entry", i.label(), i.serial())).toList());
    }

    private static Text literal(String s) {
        return locale -> s;
    }

    /** Releases this user of the module; the last one finalizes it. */
    @Override
    public void close() {
        synchronized (OPEN) {
            if (closed) {
                return;
            }
            closed = true;
            if (--shared.users == 0) {
                OPEN.remove(path);
                try {
                    shared.module.finalize(null);
                } catch (PKCS11Exception e) {
                    org.slf4j.LoggerFactory.getLogger(Pkcs11Library.class).debug("C_Finalize failed: {}", e.getErrorName());
                }
            }
        }
    }
}
