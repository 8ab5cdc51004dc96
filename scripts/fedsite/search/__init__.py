"""Search in each language: one index per language, the words people type, help first."""
