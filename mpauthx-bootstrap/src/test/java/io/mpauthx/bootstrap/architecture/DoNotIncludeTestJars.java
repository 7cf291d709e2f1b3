package io.mpauthx.bootstrap.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * Leaves out test-jars ({@code *-tests.jar}, such as the domain's contract suites): {@link DoNotIncludeTests}
 * only recognises test class folders, and a reactor build hands sibling modules' test code over as jars.
 */
public final class DoNotIncludeTestJars implements ImportOption {

    @Override
    public boolean includes(Location location) {
        return !location.contains("-tests.jar");
    }
}
