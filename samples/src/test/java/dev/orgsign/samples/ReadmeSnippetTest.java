package dev.orgsign.samples;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's library snippet is the compiled one, and the BOM lists every published artifact. */
class ReadmeSnippetTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    /** The lines between the markers of ReadmeSnippet.java, with their common indentation removed. */
    static String sampleRegion() throws Exception {
        List<String> lines = Files.readAllLines(ROOT.resolve("samples/src/main/java/dev/orgsign/samples/ReadmeSnippet.java"),
                StandardCharsets.UTF_8);
        int begin = lines.indexOf("        // README snippet begin");
        int end = lines.indexOf("        // README snippet end");
        assertTrue(begin > 0 && end > begin + 3, "markers in ReadmeSnippet.java");
        return lines.subList(begin + 1, end).stream().map(l -> l.startsWith("        ") ? l.substring(8) : l)
                .collect(Collectors.joining("\n"));
    }

    /** The java code block that follows the marker comment in README.md. */
    static String readmeBlock(String marker) throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile(Pattern.quote(marker) + "\\s*\n```(\\w+)\n(.*?)\n```", Pattern.DOTALL).matcher(readme);
        assertTrue(m.find(), "README.md has a code block after " + marker);
        return m.group(2);
    }

    @Test
    void theReadmeSnippetIsTheCompiledSample() throws Exception {
        assertEquals(sampleRegion(), readmeBlock("<!-- snippet: samples/src/main/java/dev/orgsign/samples/ReadmeSnippet.java -->"),
                "README.md's library snippet must equal the marked region of ReadmeSnippet.java");
    }

    @Test
    void theBomListsEveryPublishedArtifactAtTheProjectVersionAndTheReadmeImportsIt() throws Exception {
        String root = Files.readString(ROOT.resolve("pom.xml"));
        String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
        String version = firstMatch("<artifactId>orgsign-parent</artifactId>\\s*<version>([^<]+)</version>", root);
        assertEquals(version, firstMatch("<artifactId>orgsign-bom</artifactId>\\s*<version>([^<]+)</version>", bom));
        for (String module : List.of("core", "pkcs11-bridge", "service", "cli", "test-certs")) {
            assertTrue(root.contains("<module>" + module + "</module>"), module);
            String artifact = firstMatch("</parent>\\s*<artifactId>([^<]+)</artifactId>", Files.readString(ROOT.resolve(module + "/pom.xml")));
            assertTrue(bom.contains("<artifactId>" + artifact + "</artifactId><version>" + version + "</version>"),
                    "the BOM pins " + artifact + " at " + version);
        }
        String block = readmeBlock("<!-- bom -->");
        assertTrue(block.contains("<artifactId>orgsign-bom</artifactId>") && block.contains("<version>" + version + "</version>")
                && block.contains("<scope>import</scope>"), block);
    }

    private static String firstMatch(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex);
        return m.group(1);
    }
}
