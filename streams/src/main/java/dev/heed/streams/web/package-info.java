/**
 * Heed's web dashboard and monitoring endpoints ({@link dev.heed.streams.web.Dashboard}): an HTTP
 * server on {@code http.host}:{@code http.port} serving the dashboard page at {@code /}, live
 * updates as Server-Sent Events, Prometheus metrics at {@code /metrics} and health at {@code
 * /health/live} and {@code /health/ready}. The dashboard reads Heed's output topics with its own
 * consumer, like any client, so it works against an external cluster too.
 */
package dev.heed.streams.web;
