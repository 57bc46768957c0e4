/**
 * Platform compatibility tags and distribution file names: PEP 425 tags and compressed tag sets, the
 * ordered list of tags a target interpreter supports (as pypa/packaging 26's {@code sys_tags()} would
 * compute it on that machine), the manylinux (PEP 600), musllinux (PEP 656), macOS and Windows platform
 * rules, uv-style {@code --python-platform} targets, and wheel (PEP 427) and source distribution (PEP 625)
 * file names.
 *
 * <p>Nothing here looks at the host: a {@link dev.pinwheel.tags.PythonTarget} always describes the
 * target explicitly. Every public type is immutable and thread-safe.
 *
 * <pre>{@code
 * TagSet supported = PythonTarget.cpython(3, 12, Platforms.linuxGlibc(2, 28, "x86_64")).tagSet();
 * WheelFilename wheel = WheelFilename.parse("numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
 * supported.bestRank(wheel.tags());   // OptionalInt[12]: manylinux_2_17_x86_64
 * }</pre>
 */
package dev.pinwheel.tags;
