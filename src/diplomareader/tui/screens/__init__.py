"""The reader's screens: the main screen, help, searches, dialogs, and the bookmarks screen."""
