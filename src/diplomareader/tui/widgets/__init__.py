"""The reader's widgets: list pane, reading pane, side panel, search box and find bar."""
