"""Cleaning: raw documents -> article bodies with metadata (title, date, source, author, url)."""

from diplomareader.clean.pipeline import clean_document

__all__ = ["clean_document"]
