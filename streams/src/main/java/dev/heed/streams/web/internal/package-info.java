/**
 * The dashboard's parts: the bounded live state and event log ({@code LiveState}), the consumer of
 * the output topics ({@code OutputFeed}), the HTTP server and its handlers (static files,
 * Server-Sent Events, snapshot, metrics, health) and the token filter.
 */
package dev.heed.streams.web.internal;
