"""reader: a terminal article reader for people who study collections of news articles."""

__version__ = "0.1.0"
