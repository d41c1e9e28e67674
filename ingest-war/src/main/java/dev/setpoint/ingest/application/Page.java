package dev.setpoint.ingest.application;

import java.util.List;

/**
 * One page of a list read.
 *
 * @param totalCount how many match, over all pages
 * @param items this page, newest first
 */
public record Page<T>(long totalCount, List<T> items) {}
