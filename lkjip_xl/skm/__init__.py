"""SKM (Survei Kepuasan Masyarakat): from answers or per-unsur summaries to the IKM."""
