"""Small assertions shared by the rule tests."""


def codes_at(findings, code: str) -> list[str]:
    """The cells where ``code`` was reported ("Sheet!A1")."""
    return [f"{f.sheet}!{f.cell}" for f in findings if f.code == code]


def errors(findings):
    return [f for f in findings if f.severity == "error"]
