package org.spikescope.build;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Lays out ready-to-copy installs after {@code mvn package} (run by the build, see pom.xml):
 * <ul>
 * <li>{@code target/fiji/}: a Fiji.app overlay, {@code plugins/SpikeScope_.jar} and, in {@code jars/}, only the
 * libraries Fiji does not ship. What Fiji ships is what {@code org.scijava:pom-scijava} manages; a managed library
 * whose version differs from SpikeScope's is listed in {@code fiji/VERSIONS.txt} (Fiji's copy is used).</li>
 * <li>{@code target/imagej/}: for plain ImageJ 1, {@code plugins/SpikeScope_.jar} and every library but ImageJ
 * itself in {@code plugins/jars/}.</li>
 * <li>{@code target/spikescope-fiji.zip} and {@code target/spikescope-imagej.zip}: the same trees, with paths
 * relative to the application folder as an update site serves them.</li>
 * </ul>
 * Arguments: the runtime libraries in Maven's repository layout, pom-scijava's POM, the plugin jar, the target folder.
 */
public final class InstallLayout {

    /**
     * JavaCPP and OpenBLAS: ND4J's native libraries are built against one version of them, so SpikeScope ships its
     * own even where pom-scijava names another version.
     */
    private static final String NATIVES_GROUP = "org.bytedeco";
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private InstallLayout() {
    }

    /** A library: its coordinates and file. */
    record Library(String group, String artifact, String version, Path file) {
        String key() {
            return group + ":" + artifact;
        }
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args[0]);
        Map<String, String> fiji = managedVersions(Path.of(args[1]));
        Path plugin = Path.of(args[2]);
        Path target = Path.of(args[3]);
        List<Library> libraries = libraries(repo);

        Path fijiDir = fresh(target.resolve("fiji"));
        Path imagejDir = fresh(target.resolve("imagej"));
        copy(plugin, fijiDir.resolve("plugins").resolve("SpikeScope_.jar"));
        copy(plugin, imagejDir.resolve("plugins").resolve("SpikeScope_.jar"));
        List<String> differing = new ArrayList<>();
        for (Library lib : libraries) {
            if (lib.key().equals("net.imagej:ij")) {
                continue; // ImageJ itself
            }
            copy(lib.file(), imagejDir.resolve("plugins").resolve("jars").resolve(lib.file().getFileName()));
            String shipped = fiji.get(lib.key());
            boolean pinned = lib.group().equals(NATIVES_GROUP);
            if (shipped == null || pinned) {
                copy(lib.file(), fijiDir.resolve("jars").resolve(lib.file().getFileName()));
            }
            if (shipped != null && !shipped.equals(lib.version())) {
                differing.add(lib.key() + ": SpikeScope built with " + lib.version() + ", Fiji's pom-scijava "
                        + shipped + (pinned ? " (shipped anyway: ND4J's native code is built against "
                        + lib.version() + ")" : ""));
            }
        }
        Files.write(fijiDir.resolve("VERSIONS.txt"), versionsReport(differing));
        zip(fijiDir, target.resolve("spikescope-fiji.zip"));
        zip(imagejDir, target.resolve("spikescope-imagej.zip"));
        System.out.println("[install layout] fiji/ and imagej/ written; " + differing.size()
                + " libraries Fiji ships in another version (fiji/VERSIONS.txt)");
    }

    private static List<String> versionsReport(List<String> differing) {
        List<String> lines = new ArrayList<>(List.of("# Libraries Fiji ships (org.scijava:pom-scijava's managed "
                + "versions) in another version than SpikeScope's build:", "# Fiji's copy is used; SpikeScope's "
                + "tests ran with its own."));
        lines.addAll(differing.stream().sorted().distinct().toList());
        return lines;
    }

    /** groupId:artifactId to version, properties resolved, from a POM's dependencyManagement. */
    static Map<String, String> managedVersions(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(pom.toFile());
        Map<String, String> properties = new HashMap<>();
        NodeList props = doc.getElementsByTagName("properties");
        for (int i = 0; i < props.getLength(); i++) {
            for (Node n = props.item(i).getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    properties.put(e.getTagName(), e.getTextContent().trim());
                }
            }
        }
        Map<String, String> managed = new TreeMap<>();
        NodeList management = doc.getElementsByTagName("dependencyManagement");
        for (int m = 0; m < management.getLength(); m++) {
            NodeList deps = ((Element) management.item(m)).getElementsByTagName("dependency");
            for (int i = 0; i < deps.getLength(); i++) {
                Element d = (Element) deps.item(i);
                String g = resolve(text(d, "groupId"), properties);
                String a = resolve(text(d, "artifactId"), properties);
                String v = resolve(text(d, "version"), properties);
                if (g != null && a != null && !"import".equals(text(d, "scope"))) {
                    managed.put(g + ":" + a, v == null ? "?" : v);
                }
            }
        }
        if (managed.size() < 100) {
            throw new IllegalStateException(pom + " manages " + managed.size() + " artifacts; not pom-scijava?");
        }
        return managed;
    }

    private static String text(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }

    private static String resolve(String value, Map<String, String> properties) {
        if (value == null) {
            return null;
        }
        String v = value;
        for (int depth = 0; depth < 5; depth++) {
            Matcher m = PROPERTY.matcher(v);
            if (!m.find()) {
                break;
            }
            v = m.replaceAll(r -> Matcher.quoteReplacement(properties.getOrDefault(r.group(1), r.group())));
        }
        return v;
    }

    /** Every jar below a folder in Maven's repository layout: group/path/artifact/version/file.jar. */
    static List<Library> libraries(Path repo) throws IOException {
        List<Library> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(repo)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                Path rel = repo.relativize(f);
                int n = rel.getNameCount();
                String group = rel.subpath(0, n - 3).toString().replace(rel.getFileSystem().getSeparator(), ".");
                out.add(new Library(group, rel.getName(n - 3).toString(), rel.getName(n - 2).toString(), f));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no libraries in " + repo);
        }
        return out;
    }

    private static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void zip(Path dir, Path zipFile) throws IOException {
        try (OutputStream out = Files.newOutputStream(zipFile); ZipOutputStream zip = new ZipOutputStream(out);
             Stream<Path> files = Files.walk(dir)) {
            zip.setLevel(java.util.zip.Deflater.BEST_SPEED); // jars are compressed already
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(dir.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
    }
}
