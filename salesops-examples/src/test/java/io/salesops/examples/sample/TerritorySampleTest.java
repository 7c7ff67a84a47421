package io.salesops.examples.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerritorySampleTest {

    @Test
    void bundledFiles_equalAFreshGeneration(@TempDir Path dir) throws IOException {
        TerritorySample.of(SampleCompany.get()).writeFiles(dir);
        Path bundled = Path.of("..", "docs", "examples", "territory");
        for (String f : TerritorySample.FILES) {
            assertThat(Files.readString(bundled.resolve(f))).as(f + ": run TerritorySample and commit the files")
                    .isEqualTo(Files.readString(dir.resolve(f)));
        }
    }

    @Test
    void of_everyAccountInItsRegionAndOnlyActiveOwnersAsCurrent() {
        SampleCompany company = SampleCompany.get();
        TerritorySample s = TerritorySample.of(company);
        assertThat(s.accounts()).hasSize(company.accounts().size());
        assertThat(s.reps()).isNotEmpty().allSatisfy(r -> assertThat(r.attribute("territory")).isIn("AMER", "EMEA", "APAC"));
        s.current().values().forEach(rep -> assertThat(s.reps()).anyMatch(r -> r.id().equals(rep)));
        assertThat(s.current().size()).isLessThanOrEqualTo(company.accounts().size());
    }
}
