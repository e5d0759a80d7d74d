"""User data: file locations, configuration and bookmarks."""
