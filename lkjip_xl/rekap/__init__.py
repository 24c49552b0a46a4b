"""`lkjip-xl rekap`: many workbooks at once, for the kabupaten/kota office that collects them.

collect (which files) -> workers (each file checked in a worker process, reduced to its
unit_figures) -> consolidate (pandas: units, indicators, kota IKM, findings, duplicates) ->
write (the rekap workbook) and report (terminal lines, JSON).
"""
