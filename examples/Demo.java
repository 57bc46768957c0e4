// A small tour of Pinwheel's library API, run by the README's first command:
//   mvn -B -q -DskipTests package && java -cp resolver-core/target/classes examples/Demo.java
// It reads requirements, evaluates their markers for a target, picks versions and wheels, and reads
// a METADATA file, all with resolver-core alone. The `pinwheel` command replaces it as the main job.

import dev.pinwheel.metadata.Metadata;
import dev.pinwheel.requirement.MarkerEnvironment;
import dev.pinwheel.requirement.Requirement;
import dev.pinwheel.tags.PythonPlatform;
import dev.pinwheel.tags.TagSet;
import dev.pinwheel.tags.WheelFilename;
import dev.pinwheel.text.InvalidInputException;
import dev.pinwheel.version.PrereleasePolicy;
import dev.pinwheel.version.Version;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

public class Demo {
    public static void main(String[] args) {
        PythonPlatform platform = PythonPlatform.parse("x86_64-manylinux_2_28");
        // PEP 508 variables: the interpreter's, then the platform's (never read from the host).
        Map<String, String> envMap = new TreeMap<>(MarkerEnvironment.builder().cpython("3.12.4").build().asMap());
        envMap.putAll(platform.markerValues());
        MarkerEnvironment env = MarkerEnvironment.of(envMap);
        TagSet tags = platform.cpython(3, 12).tagSet();
        System.out.println("Target: CPython 3.12.4 on " + platform + " (" + tags.size() + " supported wheel tags)");

        // Versions the index might offer, as strings in any spelling PEP 440 allows.
        List<Version> available = List.of("2.31.0", "2.32.3", "2.32.4rc1", "v2.30", "2.32.post1", "3.0.0b2").stream()
                .map(Version::parse).sorted().collect(Collectors.toList());
        System.out.println("Available: " + available);

        String[] inputs = {
            "requests[socks]>=2.31; python_version >= \"3.9\"",
            "Requests [SOCKS] >= 2.31, != 2.32.0 ; python_version>='3.9' and sys_platform == 'linux'",
            "requests>=3.0.0b1",
            "legacy-lib<2; python_version < '3.0'",
            "requests >=",
        };
        for (String input : inputs) {
            try {
                Requirement r = Requirement.parse(input);
                if (!r.appliesTo(env)) {
                    System.out.printf("%-40s does not apply to this target%n", r);
                    continue;
                }
                List<Version> ok = r.specifier().filter(available, PrereleasePolicy.IF_NECESSARY_OR_EXPLICIT);
                System.out.printf("%-40s -> %s (newest: %s)%n", r, ok, ok.isEmpty() ? "none" : ok.get(ok.size() - 1));
            } catch (InvalidInputException e) {
                System.out.println("Rejected input, as a user would see it:");
                System.out.println(e.getMessage().indent(4).stripTrailing());
            }
        }

        List<WheelFilename> wheels = List.of(
                        "numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
                        "numpy-2.1.0-cp312-cp312-musllinux_1_2_x86_64.whl",
                        "numpy-2.1.0-cp312-cp312-macosx_14_0_arm64.whl",
                        "numpy-2.1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl")
                .stream().map(WheelFilename::parse).collect(Collectors.toList());
        System.out.println("Best wheel for the target: " + tags.bestWheel(wheels).map(Object::toString).orElse("none"));

        Metadata m = Metadata.parse(String.join("\n",
                "Metadata-Version: 2.4",
                "Name: Demo.Package",
                "Version: 1.0.0",
                "Requires-Python: >=3.9",
                "Provides-Extra: socks",
                "Requires-Dist: requests>=2.31",
                "Requires-Dist: PySocks!=1.5.7,>=1.5.6; extra == \"socks\"",
                "", ""), "examples/Demo.java METADATA");
        System.out.println("Metadata of " + m.name() + " " + m.version() + ": requires " + m.requiresDist()
                + ", Python " + m.requiresPython().map(Object::toString).orElse("any"));
    }
}
