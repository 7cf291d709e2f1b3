package io.mpauthx.examples;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user copies must name what this build makes: the versions in the documentation's dependency snippets and
 * in the examples, and the BOM's list of artifacts. A release that forgets one fails here.
 */
class ReleaseMetadataTest {

    private static final String VERSION = System.getProperty("mpauthx.version");
    private static final Path ROOT = Path.of(System.getProperty("mpauthx.root")).toAbsolutePath().normalize();
    /**
     * A dependency on one of mpauthx's artifacts in a pom or a Markdown snippet, up to its version; a version that
     * is a property ({@code ${mpauthx.version}}) is checked where the property is set.
     */
    private static final Pattern DOCUMENTED_DEPENDENCY = Pattern.compile(
            "<groupId>io\\.mpauthx</groupId>\\s*<artifactId>([\\w-]+)</artifactId>\\s*<version>([^<$][^<]*)</version>");
    private static final Pattern VERSION_PROPERTY = Pattern.compile("<mpauthx\\.version>([^<]+)</mpauthx\\.version>");

    @Test
    void everyDocumentedDependencyOnMpauthxNamesThisBuildsVersion() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path document : documentsUsersCopyFrom()) {
            String text = Files.readString(document);
            String where = ROOT.relativize(document) + ": ";
            for (Matcher dependency = DOCUMENTED_DEPENDENCY.matcher(text); dependency.find(); ) {
                found.add(where + dependency.group(1) + " " + dependency.group(2));
            }
            for (Matcher property = VERSION_PROPERTY.matcher(text); property.find(); ) {
                found.add(where + "mpauthx.version " + property.group(1));
            }
        }

        assertThat(found).as("dependency versions users copy").isNotEmpty()
                .allSatisfy(entry -> assertThat(entry).endsWith(" " + VERSION));
        assertThat(found).anyMatch(entry -> entry.startsWith("README.md"))
                .anyMatch(entry -> entry.startsWith("examples/quickstart/pom.xml"))
                .anyMatch(entry -> entry.startsWith("examples/spring-boot/pom.xml"));
    }

    @Test
    void theBomListsEveryPublishedModuleAtThisBuildsVersion() throws Exception {
        Document bom = parse(ROOT.resolve("mpauthx-bom/pom.xml"));
        Set<String> listed = new TreeSet<>();
        NodeList managed = bom.getElementsByTagName("dependency");
        for (int i = 0; i < managed.getLength(); i++) {
            Element dependency = (Element) managed.item(i);
            listed.add(child(dependency, "artifactId"));
            assertThat(child(dependency, "version")).isEqualTo("${project.version}");
        }

        assertThat(child(bom.getDocumentElement(), "version")).isEqualTo(VERSION);
        assertThat(listed).isEqualTo(publishedModules());
    }

    private static List<Path> documentsUsersCopyFrom() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md"),
                ROOT.resolve("examples/quickstart/pom.xml"), ROOT.resolve("examples/spring-boot/pom.xml")));
        try (Stream<Path> pages = Files.list(ROOT.resolve("docs"))) {
            pages.filter(page -> page.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    /** @return the artifactIds of the reactor's modules, less the BOM and those marked as not published */
    private static Set<String> publishedModules() throws Exception {
        Set<String> published = new TreeSet<>();
        NodeList modules = parse(ROOT.resolve("pom.xml")).getElementsByTagName("module");
        for (int i = 0; i < modules.getLength(); i++) {
            Document module = parse(ROOT.resolve(modules.item(i).getTextContent()).resolve("pom.xml"));
            String artifactId = child(module.getDocumentElement(), "artifactId");
            NodeList notPublished = module.getElementsByTagName("mpauthx.notPublished");
            boolean marked = notPublished.getLength() > 0 && notPublished.item(0).getTextContent().equals("true");
            if (!marked && !artifactId.equals("mpauthx-bom")) {
                published.add(artifactId);
            }
        }
        return published;
    }

    private static Document parse(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    /** @return the text of the element's own child of that name (not a descendant's) */
    private static String child(Element element, String name) {
        for (var node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && child.getTagName().equals(name)) {
                return child.getTextContent().trim();
            }
        }
        throw new AssertionError(element.getTagName() + " has no <" + name + ">");
    }
}
