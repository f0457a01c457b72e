package dev.heed.eval.forecast;

import java.nio.file.Path;
import java.util.List;

/**
 * A model's errors on the test split of one file under the long-horizon protocol (see {@link
 * ForecastEvaluator}), in the file's training-split z-score units.
 *
 * @param file the CSV file
 * @param split the split as {@code train,val,test}
 * @param trainRows rows of the training split, whose statistics normalise every variable
 * @param testFrom first row of the test split (0-based data row)
 * @param testRows rows of the test split
 * @param window input steps T of each test window
 * @param horizon forecast steps H
 * @param windows test windows evaluated: {@code testRows - H + 1}, stride 1
 * @param variables the variables evaluated, in the file's column order
 * @param mse mean squared error over all windows, steps and variables
 * @param mae mean absolute error over all windows, steps and variables
 * @param variableMse per variable, its MSE over all windows and steps
 * @param variableMae per variable, its MAE over all windows and steps
 * @param seconds wall-clock seconds of the forecasting
 */
public record EvaluationResult(
        Path file,
        String split,
        int trainRows,
        int testFrom,
        int testRows,
        int window,
        int horizon,
        int windows,
        List<String> variables,
        double mse,
        double mae,
        List<Double> variableMse,
        List<Double> variableMae,
        double seconds) {

    /** Copies the lists. */
    public EvaluationResult {
        variables = List.copyOf(variables);
        variableMse = List.copyOf(variableMse);
        variableMae = List.copyOf(variableMae);
    }

    /** Forecast series (window times variable) per second. */
    public double seriesPerSecond() {
        return seconds > 0 ? (double) windows * variables.size() / seconds : 0;
    }
}
