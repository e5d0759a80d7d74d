"""Extraction: direct quotes with speakers, and named entities under canonical names."""
