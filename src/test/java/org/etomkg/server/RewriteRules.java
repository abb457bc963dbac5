package org.etomkg.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Apache mod_rewrite that {@code docs/w3id/.htaccess} uses, applied in Java as
 * w3id.org applies it in the {@code etom-kg/} folder: {@code RewriteCond %{HTTP_ACCEPT}} with
 * {@code [NC]} and {@code [OR]}, {@code RewriteRule} with {@code $N} and {@code %{ENV:X}} in the
 * substitution, and the flags {@code R=303}, {@code R=302}, {@code L}, {@code E=NAME:VALUE}.
 */
final class RewriteRules {
    record Cond(String testString, Pattern pattern, boolean or) {}
    record Rule(List<Cond> conds, Pattern pattern, String substitution, Map<String, String> flags) {}
    /** Where a request is sent: the status and the URL. */
    record Redirect(int status, String url) {}

    private static final Pattern LINE = Pattern.compile("(\\S+)\\s+(\\S+)\\s+(\\S+)(?:\\s+\\[([^\\]]*)\\])?");
    private final List<Rule> rules;

    private RewriteRules(List<Rule> rules) { this.rules = rules; }

    static RewriteRules read(Path htaccess) throws IOException {
        List<Rule> rules = new ArrayList<>();
        List<Cond> conds = new ArrayList<>();
        for (String raw : Files.readAllLines(htaccess)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("RewriteEngine") || line.startsWith("Options")) continue;
            Matcher m = LINE.matcher(line);
            if (!m.matches()) throw new IllegalArgumentException("cannot read: " + line);
            Map<String, String> flags = flags(m.group(4));
            int regexFlags = flags.containsKey("NC") ? Pattern.CASE_INSENSITIVE : 0;
            switch (m.group(1)) {
                case "RewriteCond" -> conds.add(new Cond(m.group(2), Pattern.compile(m.group(3), regexFlags), flags.containsKey("OR")));
                case "RewriteRule" -> {
                    rules.add(new Rule(List.copyOf(conds), Pattern.compile(m.group(2), regexFlags), m.group(3), flags));
                    conds.clear();
                }
                default -> throw new IllegalArgumentException("not a directive these rules use: " + line);
            }
        }
        return new RewriteRules(rules);
    }

    private static Map<String, String> flags(String text) {
        Map<String, String> out = new HashMap<>();
        if (text == null) return out;
        for (String f : text.split(",")) {
            int eq = f.indexOf('=');
            out.put(eq < 0 ? f.strip() : f.substring(0, eq).strip(), eq < 0 ? "" : f.substring(eq + 1).strip());
        }
        return out;
    }

    /**
     * Where a request for {@code path} (relative to the folder, no leading slash) with that
     * {@code Accept} is sent; {@code env} overrides a variable the rules set (the server's address).
     */
    Optional<Redirect> apply(String path, String accept, Map<String, String> env) {
        Map<String, String> vars = new HashMap<>();
        for (Rule r : rules) {
            Matcher m = r.pattern().matcher(path);
            if (!m.find() || !conditionsHold(r.conds(), accept)) continue;
            String e = r.flags().get("E");
            if (e != null) {
                String name = e.substring(0, e.indexOf(':'));
                vars.put(name, env.getOrDefault(name, e.substring(e.indexOf(':') + 1)));
            }
            if (r.substitution().equals("-")) continue;
            String url = r.substitution();
            for (int g = m.groupCount(); g >= 1; g--) url = url.replace("$" + g, m.group(g) == null ? "" : m.group(g));
            for (Map.Entry<String, String> v : vars.entrySet()) url = url.replace("%{ENV:" + v.getKey() + "}", v.getValue());
            String status = r.flags().get("R");
            return Optional.of(new Redirect(status == null || status.isEmpty() ? 302 : Integer.parseInt(status), url));
        }
        return Optional.empty();
    }

    /** Conditions are ANDed; one marked [OR] is ORed with the next. */
    private static boolean conditionsHold(List<Cond> conds, String accept) {
        boolean all = true;
        for (int i = 0; i < conds.size(); i++) {
            boolean group = holds(conds.get(i), accept);
            while (conds.get(i).or() && i + 1 < conds.size()) group |= holds(conds.get(++i), accept);
            all &= group;
        }
        return all;
    }

    private static boolean holds(Cond c, String accept) {
        if (!c.testString().equals("%{HTTP_ACCEPT}")) throw new IllegalArgumentException("only Accept is tested: " + c.testString());
        return c.pattern().matcher(accept == null ? "" : accept).find();
    }
}
