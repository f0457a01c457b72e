/**
 * Implementation of training, not API: the forecasting run (windows, epochs, evaluation, early
 * stopping), the speech run, the step guard that rolls back non-finite steps and clips gradients,
 * learning-rate schedules, and the MSE and CTC losses.
 */
package dev.heed.models.training.internal;
