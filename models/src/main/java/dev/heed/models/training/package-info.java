/**
 * Training in Java with DJL: {@link dev.heed.models.training.ForecastTrainer} and {@link
 * dev.heed.models.training.SpeechTrainer} with their options ({@link
 * dev.heed.models.training.TrainingOptions}, {@link
 * dev.heed.models.training.SpeechTrainingOptions}), progress ({@link
 * dev.heed.models.training.TrainingListener}, {@link dev.heed.models.training.ConsoleProgress}) and
 * the speech examples they are fed. A trained model is a model directory whose descriptor records
 * the data, the command and the metrics. Not used by {@code heed run}.
 */
package dev.heed.models.training;
