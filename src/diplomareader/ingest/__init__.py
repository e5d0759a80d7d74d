"""Reading files of each format into decoded raw documents."""

from diplomareader.ingest.reader import iter_input_files, read_document

__all__ = ["iter_input_files", "read_document"]
