/**
 * Forecast evaluation by the standard long-horizon protocol ({@link
 * dev.heed.eval.forecast.ForecastEvaluator}): chronological split, z-score with the training rows'
 * statistics, every test window, MSE and MAE over all variables.
 */
package dev.heed.eval.forecast;
