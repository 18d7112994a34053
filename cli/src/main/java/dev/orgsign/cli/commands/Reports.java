package dev.orgsign.cli.commands;

import dev.orgsign.cli.Messages;
import dev.orgsign.core.verify.Check;
import dev.orgsign.core.verify.CheckResult;
import dev.orgsign.core.verify.Verdict;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** docs/design.md's verdict shape {@code {id?, verdict, checks: [{code, result, message}]}} in JSON and as text. */
final class Reports {
    private Reports() {
    }

    static Map<String, Object> json(String id, Verdict verdict, List<Check> checks, Messages m) {
        Map<String, Object> o = new LinkedHashMap<>();
        if (id != null) {
            o.put("id", id);
        }
        o.put("verdict", verdict.name());
        List<Object> list = new ArrayList<>();
        for (Check c : checks) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("code", c.code());
            x.put("result", c.result().name());
            x.put("message", c.message(m.locale()));
            list.add(x);
        }
        o.put("checks", list);
        return o;
    }

    static void text(PrintWriter out, Messages m, String id, Verdict verdict, List<Check> checks) {
        for (Check c : checks) {
            String mark = c.result() == CheckResult.PASSED ? "[+]" : c.result() == CheckResult.FAILED ? "[x]" : "[ ]";
            out.println("  " + mark + " " + c.code() + ": " + c.message(m.locale()));
        }
        out.println(m.get("verdict." + verdict.name(), id == null ? "" : id));
        out.flush();
    }

    /** Exit code of a verdict: 0 verified, 5 rejected, 0 pending (the caller decides on waits). */
    static int exitCode(Verdict verdict) {
        return verdict == Verdict.REJECTED ? 5 : 0;
    }
}
