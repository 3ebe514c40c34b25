package dev.kaboom.ui.model;

/** One line of the inspector: a bundle key for its name, and its value as text. */
public record InspectorRow(String key, String value) {}
