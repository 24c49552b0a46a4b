"""Checks: every rule produces findings as data (see findings.py, rules.py)."""
