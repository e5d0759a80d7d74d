"""diplomareader: a keyboard-driven terminal reader for diplomatic statements and news."""

__version__ = "0.1.0"
