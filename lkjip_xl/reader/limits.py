"""Safety limits on what the reader accepts (documented in docs/limits.md)."""

MAX_FILE_BYTES = 200 * 1024 * 1024  # the .xlsx file itself
MAX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024  # all parts of the zip, decompressed
MAX_PART_BYTES = 512 * 1024 * 1024  # one sheet's XML, decompressed
MAX_COMPRESSION_RATIO = 200  # decompressed / compressed, for parts over 10 MB
RATIO_CHECK_FROM_BYTES = 10 * 1024 * 1024
MAX_ROWS = 200_000  # rows read from one sheet
MAX_COLUMNS = 16_384  # columns of one sheet (Excel's own limit, XFD)
MAX_GRID_CELLS = 6_000_000  # rows x columns of a sheet's used area (python-calamine builds it whole)
MAX_ZIP_MEMBERS = 10_000
