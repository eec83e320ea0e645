"""Shared test framework: the single source of truth for integration-test base classes."""
