"""The terminal reader (the only package that imports Textual): ``make_app`` builds it."""
