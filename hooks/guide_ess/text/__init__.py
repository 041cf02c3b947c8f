"""Transformations of text and rendered HTML: French typography, acronyms."""
