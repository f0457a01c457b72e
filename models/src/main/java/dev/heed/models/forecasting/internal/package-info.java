/**
 * Implementation of forecasting, not API: the patch embedding, the forecaster shared by every
 * format (normalisation, grouping of channel-independent variables, input checks, attention
 * summaries), the checks of a network's outputs against its descriptor, and the {@code djl}
 * format's loader.
 */
package dev.heed.models.forecasting.internal;
