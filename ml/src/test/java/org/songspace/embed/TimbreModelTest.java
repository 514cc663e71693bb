package org.songspace.embed;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.io.UserError;

class TimbreModelTest {
    /** A model folder of the first, symmetrised-KL version is refused with the command that remakes it. */
    @Test
    void aModelOfTheOlderFormatIsRefusedWithTheCommandThatRemakesIt(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve(TimbreModel.MANIFEST), "{\"format\": 1, \"id\": \"timbre-old\", \"kind\": \"timbre\"}");
        UserError e = assertThrows(UserError.class, () -> TimbreModel.open(folder));
        assertTrue(e.getMessage().contains("older songspace") && e.getMessage().contains("train --model timbre"),
                e.getMessage());
    }
}
