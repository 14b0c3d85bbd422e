"""The Textual interface. Thin: every action calls the core (library, store, services)."""
