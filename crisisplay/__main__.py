"""``python -m crisisplay``."""

from __future__ import annotations

from crisisplay.cli.main import main

if __name__ == "__main__":
    main()
