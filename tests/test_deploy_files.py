"""The shipped docker-compose.yml holds no secret: SECRET_KEY must come from the environment."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def test_compose_requires_a_secret_key_and_offers_no_fallback():
    compose = (ROOT / "docker-compose.yml").read_text(encoding="utf-8")
    line = next(ln for ln in compose.splitlines() if ln.strip().startswith("SECRET_KEY:"))
    assert "${SECRET_KEY:?" in line  # compose stops with the message when it is unset
    assert not re.search(r"SECRET_KEY:-|SECRET_KEY-", line)


def test_env_example_names_every_variable_compose_reads_and_no_secret():
    compose = (ROOT / "docker-compose.yml").read_text(encoding="utf-8")
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    for name in set(re.findall(r"\$\{(\w+)", compose)):
        assert re.search(rf"^#? ?{name}=", example, re.MULTILINE), name
    assert re.search(r"^SECRET_KEY=$", example, re.MULTILINE)  # left for each desk to fill
