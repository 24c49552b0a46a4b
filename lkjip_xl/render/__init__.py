"""Renderers: turn findings (data) into terminal text, JSON, or an annotated workbook copy."""
