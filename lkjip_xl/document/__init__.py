"""Check a finished report (docx, pdf, or the text of a pdf) against its workbook.

reading (``read_*``) -> segments (``model``) -> numbers (``numbers``) -> names and cues (``names``,
``cues``) -> claims (``claims``) tied to the workbook's facts (``facts``) -> verdicts
(``verdict``) -> findings and coverage (``check``); ``annotate`` marks a copy of a docx.
"""
