"""lkjip-xl: write, check and summarise LKjIP workbooks."""

__version__ = "0.1.0"
