package dev.heed.models.forecasting;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A fixture's {@code golden.json}: raw input windows and what the network that made the fixture
 * computed for each, in Heed's per-window layout. Dimensions: B windows, C variables, T steps, L
 * layers, H heads, N tokens.
 *
 * @param windows {@code [B][C][T]} raw (not normalised) windows
 * @param prediction {@code [B][C][horizon]} forecasts in the windows' units
 * @param attention {@code [B][C][L][H][N][N]} attention probabilities per series
 */
public record Golden(float[][][] windows, float[][][] prediction, float[][][][][][] attention) {

    /** The file name beside {@code model.json}. */
    public static final String FILE_NAME = "golden.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static Golden read(Path modelDir) throws IOException {
        return MAPPER.readValue(modelDir.resolve(FILE_NAME).toFile(), Golden.class);
    }

    public void write(Path modelDir) throws IOException {
        MAPPER.writeValue(modelDir.resolve(FILE_NAME).toFile(), this);
    }

    /** The windows as {@code Forecaster.forecast} takes them. */
    public List<float[][]> windowList() {
        return Arrays.asList(windows);
    }
}
