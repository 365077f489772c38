"""Cairn: define career goals and actually reach them."""

__version__ = "0.1.0"
