"""The committed sample workbooks are exactly what samples/build_samples.py writes from the
readable sources (so a change to the template, or to a source CSV, is rebuilt and committed)."""
import importlib.util
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def test_committed_samples_are_what_the_builder_writes(tmp_path):
    spec = importlib.util.spec_from_file_location("build_samples", ROOT / "samples" / "build_samples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for fresh in module.main(tmp_path):
        committed = ROOT / "samples" / fresh.name
        differing = [n for n, data in _members(fresh).items() if _members(committed).get(n) != data]
        assert differing == [], f"rebuild with: python samples/build_samples.py ({fresh.name}: {differing})"
